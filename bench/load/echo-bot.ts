import { ActivityHandler } from 'botbuilder';

/** The ceiling: a bare botbuilder bot that echoes each message, run on Relais's own server stack. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('hello');
      await next();
    });
  }
}
