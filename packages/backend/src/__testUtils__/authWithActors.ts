import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The real auth service marks a token issued on behalf of a user with the issuing plugin as
 * its actor, and plugins' permission integration endpoints only accept users with an actor
 * (the permission backend applying conditions for them). The mock drops the actor, so this
 * puts it back.
 */
export const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const withActor: AuthService = Object.create(auth);
    withActor.getPluginRequestToken = async options => {
      const principal = options.onBehalfOf.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type === 'user' && principal.userEntityRef) {
        return {
          token: mockCredentials.user.token(principal.userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      }
      return auth.getPluginRequestToken(options);
    };
    return withActor;
  },
});
