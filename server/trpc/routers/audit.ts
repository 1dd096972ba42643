import { listAudit, ListAuditInput } from '../../audit/list-audit';
import { procedureFor, router } from '../init';

export const auditRouter = router({
  list: procedureFor('audit.read')
    .input(ListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
});
