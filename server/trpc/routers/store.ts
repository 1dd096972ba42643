import { z } from 'zod';
import { revokeLaneDevices, RevokeLaneDevicesInput } from '../../lanes/revoke-lane-devices';
import { moveStaffToStore, MoveStaffToStoreInput } from '../../staff/move-staff-to-store';
import { copyCatalog, CopyCatalogInput } from '../../stores/copy-catalog';
import { createStore, CreateStoreInput } from '../../stores/create-store';
import { listStoreOverview } from '../../stores/list-store-overview';
import { getStoreSettings } from '../../stores/get-store-settings';
import { listStores } from '../../stores/list-stores';
import { saveLane, SaveLaneInput } from '../../stores/save-lane';
import { updateStore, UpdateStoreInput } from '../../stores/update-store';
import { procedureFor, router } from '../init';
import { STORE_COOKIE } from '../context';

export const storeRouter = router({
  settings: procedureFor('back-office.enter').query(({ ctx }) => getStoreSettings(ctx)),
  update: procedureFor('store.manage')
    .input(UpdateStoreInput)
    .mutation(({ ctx, input }) => updateStore(ctx, input)),
  saveLane: procedureFor('store.manage')
    .input(SaveLaneInput)
    .mutation(({ ctx, input }) => saveLane(ctx, input)),
  revokeLaneDevices: procedureFor('lane.bind')
    .input(RevokeLaneDevicesInput)
    .mutation(({ ctx, input }) => revokeLaneDevices(ctx, input)),
  overview: procedureFor('stores.manage').query(({ ctx }) => listStoreOverview(ctx)),
  create: procedureFor('stores.manage')
    .input(CreateStoreInput)
    .mutation(({ ctx, input }) => createStore(ctx, input)),
  moveStaff: procedureFor('stores.manage')
    .input(MoveStaffToStoreInput)
    .mutation(({ ctx, input }) => moveStaffToStore(ctx, input)),
  copyCatalog: procedureFor('catalog.copy')
    .input(CopyCatalogInput)
    .mutation(({ ctx, input }) => copyCatalog(ctx, input)),
  list: procedureFor('stores.switch').query(({ ctx }) => listStores(ctx)),
  choose: procedureFor('stores.switch')
    .input(z.object({ storeId: z.uuid() }))
    .mutation(({ ctx, input }) => {
      const secure = ctx.secureCookies ? '; Secure' : '';
      ctx.resHeaders.append('Set-Cookie', `${STORE_COOKIE}=${input.storeId}; Path=/; HttpOnly; SameSite=Lax${secure}`);
      return { storeId: input.storeId };
    }),
});
