import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, DomainError, ErrorCode } from '@lienket/graphql';
import { RequestContext, requireUser } from './context';
import { AuthUser, OrganizationRole, PlatformRole } from './roles';

const ROLES = 'lienket:roles';
export interface RoleRequirement {
  organization?: OrganizationRole[];
  platform?: PlatformRole[];
}

/** Requires a signed-in caller with one of the given roles (organization or platform). */
export const Roles = (req: RoleRequirement) => SetMetadata(ROLES, req);

export const gqlContext = (context: ExecutionContext) =>
  GqlExecutionContext.create(context).getContext<RequestContext>();

/** Resolvers marked with this guard need a valid token; @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const user = requireUser(gqlContext(context));
    const need = this.reflector.getAllAndOverride<RoleRequirement | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!need) return true;
    if (need.platform && user.platformRole && need.platform.includes(user.platformRole)) return true;
    if (need.organization && user.organizationRole && need.organization.includes(user.organizationRole)) return true;
    throw forbidden();
  }
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser =>
  requireUser(gqlContext(context)),
);

/** The caller's organization id, for tenant-scoped repository calls. */
export function requireOrganization(user: AuthUser): string {
  if (!user.organizationId) throw new DomainError(ErrorCode.FORBIDDEN, 'organizationRequired');
  return user.organizationId;
}
