import { PERMISSIONS, can, type Permission } from '../../auth/permissions';
import { signIn, SignInInput } from '../../auth/sign-in';
import { signOut } from '../../auth/sign-out';
import { publicProcedure, router, signedInProcedure } from '../init';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';

export const authRouter = router({
  signIn: publicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    const session = await signIn(ctx, input);
    ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
    return { staff: session.staff, expiresAt: session.expiresAt };
  }),
  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx, ctx.sessionToken);
    ctx.resHeaders.append('Set-Cookie', clearedSessionCookie());
    return { signedOut: true };
  }),
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.member) return null;
    const role = ctx.member.role;
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
    return { ...ctx.member, permissions };
  }),
});
