import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { can, type Permission } from '../auth/permissions';
import { DomainError, type DomainErrorCode, type FieldErrors } from '../core/errors';
import { staffContextFor } from '../runtime/staff-context';
import type { TrpcContext } from './context';
import { laneCallContext } from './lane-access';

export const TRPC_CODES: Record<DomainErrorCode, TRPCError['code']> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  LOCKED: 'TOO_MANY_REQUESTS',
};

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) {
    const errors: FieldErrors = {};
    for (const issue of cause.issues) {
      const key = issue.path.map(String).join('.') || '_';
      (errors[key] ??= []).push(issue.message);
    }
    return errors;
  }
  if (cause instanceof DomainError && Object.keys(cause.fieldErrors).length > 0) return cause.fieldErrors;
  return null;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // Internal errors can carry SQL and its parameters: the client only learns that something failed.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal error' : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        stack: undefined,
        reason: cause instanceof DomainError ? cause.reason : cause instanceof ZodError ? 'invalid-input' : null,
        fieldErrors: fieldErrorsOf(cause),
      },
    };
  },
});

/** The one place domain and validation errors become tRPC errors. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
    }
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: z.prettifyError(cause), cause });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.member || !ctx.sessionToken) {
    const cause = new DomainError('UNAUTHENTICATED', 'auth.sign-in-required', 'Sign in first');
    throw new TRPCError({ code: 'UNAUTHORIZED', message: cause.message, cause });
  }
  return next({ ctx: { ...ctx, member: ctx.member, sessionToken: ctx.sessionToken } });
});

/** A procedure only the roles holding `permission` (one table: server/auth/permissions.ts) may call. */
export function procedureFor(permission: Permission) {
  return signedInProcedure.use(async ({ ctx, next }) => {
    if (!can(ctx.member.role, permission)) {
      const cause = new DomainError('FORBIDDEN', 'auth.role-forbidden', `Your role may not do this (${permission})`);
      throw new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
    }
    const staffCtx = await staffContextFor(ctx, ctx.member, ctx.chosenStoreId);
    return next({ ctx: { ...ctx, ...staffCtx } });
  });
}

/** A lane procedure: the cashier signed in at the lane (lane session cookie) holding `permission`. */
export function laneProcedureFor(permission: Permission) {
  return publicProcedure.use(async ({ ctx, next }) => next({ ctx: await laneCallContext(ctx, permission) }));
}
