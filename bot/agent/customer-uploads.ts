import { ActivityTypes, type Activity } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { HandoffQueue } from '../../handoff/index';
import { toLocale } from '../../knowledge-base/index';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL } from '../directline/adapter';
import type { DirectLineConversation, DirectLineStore } from '../directline/store';
import { sendError } from '../http/errors';
import { textFor } from '../text/index';
import type { AgentEventBus } from './events';
import type { RelayLine, RelayLog } from './relay-log';
import { checkUpload } from './upload-check';
import type { UploadQuota, UploadStore } from './upload-store';

/** Room for the activity part and the multipart framing around the files. */
const FRAMING_BYTES = 256 * 1024;
/** Past this, the request is cut instead of drained (the refusal is already decided). */
const DRAIN_FACTOR = 4;

const uploadedActivitySchema = z.looseObject({
  type: z.literal('message', { error: 'activity.type must be "message"' }),
  text: z.string().max(10_000).optional(),
  channelData: z.looseObject({ clientActivityID: z.string().max(200).optional() }).optional(),
});

export interface CustomerUploadsDeps {
  readonly queue: HandoffQueue;
  readonly store: RelayLog;
  readonly bus: AgentEventBus;
  readonly uploads: UploadStore;
  readonly maxBytes: number;
  readonly quota: UploadQuota;
  readonly clock: () => Date;
}

/** The Direct Line upload route's work, once the token and conversation were checked. */
export type UploadReceiver = (
  conversation: DirectLineConversation,
  directLine: DirectLineStore,
  req: Request,
  res: Response,
) => Promise<void>;

type Refusal = 'too-large' | 'wrong-type' | 'wrong-name' | 'empty' | 'no-agent' | 'quota';
interface RefusalHttp {
  readonly status: number;
  readonly code: string;
  readonly message: (limits: { maxBytes: number; quota: UploadQuota }) => string;
}
const REFUSAL_HTTP: Record<Refusal, RefusalHttp> = {
  'too-large': {
    status: 413,
    code: 'TooLarge',
    message: ({ maxBytes }) => `the file is larger than ${maxBytes} bytes`,
  },
  'wrong-type': {
    status: 415,
    code: 'UnsupportedType',
    message: () =>
      'only PNG, JPEG, GIF, WebP images, PDF and plain text files are accepted, declared as what their bytes are',
  },
  'wrong-name': {
    status: 415,
    code: 'UnsupportedType',
    message: () =>
      'the file name must end with the extension of its type (.png, .jpg, .gif, .webp, .pdf, .txt) and hold no executable or page extension',
  },
  empty: { status: 415, code: 'UnsupportedType', message: () => 'the file is empty' },
  'no-agent': {
    status: 409,
    code: 'NoAgent',
    message: () => 'files go to an agent: this conversation is not with or waiting for one',
  },
  quota: {
    status: 413,
    code: 'QuotaExceeded',
    message: ({ quota }) =>
      `this conversation has reached its upload quota: ${quota.files} files and ${quota.bytes} bytes in all`,
  },
};

/**
 * Web Chat uploads (Direct Line `POST …/upload`): files within the size limit and of an allowed type
 * are stored and reach the agent as links in the relay log; anything else is refused with 413/415
 * and a message in the chat, and nothing is stored.
 */
export function customerUploads(deps: CustomerUploadsDeps): UploadReceiver {
  return async (conversation, directLine, req, res) => {
    const locale = toLocale(conversation.locale ?? '') ?? 'fr';
    const refuse = async (why: Refusal): Promise<void> => {
      await directLine.append(conversation.id, {
        type: ActivityTypes.Message,
        text: textFor(locale).uploadRefused(why, Math.floor(deps.maxBytes / (1024 * 1024))),
        locale,
        channelId: DIRECT_LINE_CHANNEL,
        conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
        from: { ...BOT_ACCOUNT },
        timestamp: deps.clock(),
      });
      const http = REFUSAL_HTTP[why];
      sendError(res, http.status, http.code, http.message(deps));
    };

    const body = await readCapped(req, deps.maxBytes + FRAMING_BYTES);
    if (body === 'too-large') return refuse('too-large');
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': String(req.headers['content-type'] ?? '') },
      }).formData();
    } catch {
      return sendError(res, 400, 'BadArgument', 'the body must be multipart/form-data with an activity part');
    }
    const activityPart = form.get('activity');
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(
        typeof activityPart === 'string' ? activityPart : await (activityPart?.text() ?? ''),
      );
    } catch {
      return sendError(res, 400, 'BadArgument', 'activity: must be a JSON activity');
    }
    const activity = uploadedActivitySchema.safeParse(parsedJson);
    if (!activity.success)
      return sendError(res, 400, 'BadArgument', activity.error.issues.map((i) => i.message).join('; '));
    const files = form.getAll('file').filter((part): part is File => typeof part !== 'string');
    if (files.length === 0) return sendError(res, 400, 'BadArgument', 'file: at least one file is required');

    // Every file is checked before any is kept: one refusal refuses the whole upload.
    const checked: { name: string; contentType: string; bytes: Buffer }[] = [];
    for (const file of files) {
      const bytes = Buffer.from(await file.arrayBuffer());
      const check = checkUpload(file.type, file.name, bytes, deps.maxBytes);
      if (!check.ok) return refuse(check.why);
      checked.push({ name: check.name, contentType: check.contentType, bytes });
    }
    const record = await deps.queue.get(conversation.id);
    const state = record?.state;
    if (state !== 'with-agent' && state !== 'queued' && state !== 'ticket') return refuse('no-agent');
    // Counted before anything is kept; given back if the upload turns out a retry or fails.
    const totalBytes = checked.reduce((sum, f) => sum + f.bytes.length, 0);
    const reserved = await deps.uploads.reserve(conversation.id, checked.length, totalBytes, deps.quota);
    if (reserved !== 'reserved') return refuse('quota');
    const giveBack = () => deps.uploads.release(conversation.id, checked.length, totalBytes);
    try {
      const text = activity.data.text?.trim() ?? '';
      // The customer's own bubble comes back (clientActivityID) so Web Chat marks it sent; a retry is not kept twice.
      const echo: Partial<Activity> = {
        type: ActivityTypes.Message,
        text,
        channelId: DIRECT_LINE_CHANNEL,
        conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: conversation.userId, name: conversation.userName ?? '', role: 'user' },
        recipient: { ...BOT_ACCOUNT },
        timestamp: deps.clock(),
        attachments: checked.map((f) => ({ contentType: 'application/octet-stream', name: f.name })),
        ...(activity.data.channelData ? { channelData: activity.data.channelData } : {}),
      };
      const appended = await directLine.append(
        conversation.id,
        echo,
        activity.data.channelData?.clientActivityID,
      );
      if (appended.duplicate) {
        await giveBack();
        return void res.send(200, { id: appended.activity.id });
      }

      const at = deps.clock().getTime();
      const attachments: NonNullable<RelayLine['attachments']> = [];
      for (const file of checked) {
        const stored = await deps.uploads.put({ conversationId: conversation.id, ...file, at });
        attachments.push({
          uploadId: stored.id,
          name: file.name,
          contentType: file.contentType,
          size: file.bytes.length,
        });
      }
      await deps.queue.touch(conversation.id);
      const line = await deps.store.append(conversation.id, {
        from: 'customer',
        text: text || attachments.map((a) => a.name).join(', '),
        at,
        attachments,
      });
      if (state === 'with-agent' && record?.agentId)
        await deps.bus.publish({
          type: 'customer-message',
          conversationId: conversation.id,
          agentId: record.agentId,
          line,
        });
      res.send(200, { id: appended.activity.id });
    } catch (error) {
      await giveBack().catch(() => undefined);
      throw error;
    }
  };
}

/** The whole body up to `cap` bytes; past it the rest is drained (or the request cut) and 'too-large' returned. */
async function readCapped(req: Request, cap: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > cap * DRAIN_FACTOR || declared > cap * DRAIN_FACTOR) {
      req.destroy();
      break;
    }
    if (total <= cap) chunks.push(chunk);
  }
  return total > cap ? 'too-large' : Buffer.concat(chunks);
}
