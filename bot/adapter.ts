/**
 * The CloudAdapter built from configuration, plus the turn error handler and an
 * in-process entry used by the local Direct Line (no HTTP hop, no token).
 */
import {
  ActivityTypes,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from '../core/config.js';
import { TURN_ERROR } from '../prompts/bot.js';
import { ReusingBotFrameworkAuthentication } from './client-reuse.js';

/** Audience for replies to Bot Framework channels (AuthenticationConstants.ToChannelFromBotOAuthScope). */
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

export type AuthConfig = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>;

export function hasAppCredentials(cfg: AuthConfig): boolean {
  return !!cfg.MicrosoftAppId;
}

export function createAuthentication(cfg: AuthConfig): ConfigurationBotFrameworkAuthentication {
  return new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: cfg.MicrosoftAppId ?? '',
    MicrosoftAppPassword: cfg.MicrosoftAppPassword ?? '',
    MicrosoftAppType: cfg.MicrosoftAppType,
    MicrosoftAppTenantId: cfg.MicrosoftAppTenantId ?? '',
  });
}

export class VksAdapter extends CloudAdapter {
  constructor(private readonly appId: string | undefined, auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /**
   * Runs one activity through the middleware and the bot as if it came from a
   * trusted in-process channel (the local Direct Line): no inbound token to
   * validate because nothing crossed the network.
   */
  async processTrusted(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const claimsIdentity = this.createClaimsIdentity(this.appId ?? '');
    const result: AuthenticateRequestResult = {
      audience: CHANNEL_AUDIENCE,
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
    return this.processActivity(result, activity, logic);
  }
}

export function createAdapter(cfg: AuthConfig, logger: Logger): VksAdapter {
  const adapter = new VksAdapter(cfg.MicrosoftAppId, createAuthentication(cfg));
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/**
 * Apologise and log; keep conversation state (history is still useful and a
 * transient failure should not make the bot forget the conversation).
 */
export function turnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error(
      { err: error, channel: context.activity.channelId, type: context.activity.type, conversation: context.activity.conversation?.id },
      'turn failed',
    );
    try {
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 500 } });
      } else {
        await context.sendActivity(TURN_ERROR);
      }
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not send the turn error message');
    }
  };
}
