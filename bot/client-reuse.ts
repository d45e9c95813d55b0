/**
 * The Bot Framework authentication of the service, reusing its outbound clients.
 *
 * CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on every
 * turn, and each builds a whole HTTP pipeline (policies, sanitizer, proxy
 * lookup): about a tenth of a cached turn's CPU. Both are stateless between
 * requests (the credentials fetch and cache their own tokens), so one per bot app
 * id, service URL and audience serves every turn — what the older
 * BotFrameworkAdapter did with its connector client map.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
// Types only: botframework-connector comes with botbuilder, it is not a dependency of ours.
import type { AuthenticateRequestResult, ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';
import { BoundedMap } from '../core/memo.js';

/**
 * Clients kept at most. Without app credentials anyone may post any serviceUrl,
 * so the number of distinct keys is the caller's choice: it must stay bounded.
 */
const CLIENTS_KEPT = 64;

/**
 * The bot app id the connector factory and token client are made for, read as botbuilder
 * reads it: the audience claim (AuthenticationConstants.AudienceClaim), else the app id claim.
 */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/** The cached value, or the made one once it resolves (a failed make is not remembered). */
async function reuse<T>(cache: BoundedMap<string, T>, key: string, make: () => Promise<T>): Promise<T> {
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  const made = await make();
  cache.set(key, made);
  return made;
}

/** A ConnectorFactory (an abstract class with create() only) whose clients are shared. */
function reusingFactory(inner: ConnectorFactory, appId: string, clients: BoundedMap<string, ConnectorClient>): ConnectorFactory {
  return {
    create: (serviceUrl: string, audience?: string) =>
      reuse(clients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => inner.create(serviceUrl, audience)),
  };
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedMap<string, ConnectorClient>(CLIENTS_KEPT, true);
  private readonly tokenClients = new BoundedMap<string, UserTokenClient>(CLIENTS_KEPT, true);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.claimsIdentity, result.connectorFactory) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    return reusingFactory(inner, appIdOf(claimsIdentity), this.connectors);
  }
}
