import type { Role } from '../../store/users.repo.ts';

/**
 * Live updates to browsers (server-sent events). Parts publish an event with its audience; every open
 * `/events` stream whose person is in that audience receives it. An application's events go to its
 * applicant, the clerks of its centre and the admins — never to another applicant. Events are hints to
 * refresh (ids and states, no personal data): the store stays the truth.
 */
export interface LiveMessage {
  /** Event name in the stream, e.g. `application`, `document`, `item`. */
  type: string;
  data: Record<string, unknown>;
}

/** A published message with its place in the hub's sequence (the stream's `id:`). */
export interface SequencedMessage extends LiveMessage {
  seq: number;
}

export interface Audience {
  userIds?: readonly string[];
  centreIds?: readonly string[];
  admins?: boolean;
}

export interface Subscriber {
  userId: string;
  role: Role;
  centreId: string | null;
  /** The sign-in session the stream was opened in (its hash): signing out ends the stream. */
  sessionId?: string;
}

type Listener = (message: SequencedMessage) => void;
type Closer = () => void;

/**
 * How many recent messages are kept for replay. A page reload takes well under a second, in which a busy
 * centre publishes a few dozen events; the buffer only has to bridge that gap.
 */
const REPLAY_LIMIT = 2_000;

export class EventHub {
  readonly #subscriptions = new Map<number, { who: Subscriber; listener: Listener; close?: Closer }>();
  readonly #recent: { audience: Audience; message: SequencedMessage }[] = [];
  #nextId = 1;
  #seq = 0;

  /**
   * The sequence number of the last published message. A page records it before reading what it shows
   * and subscribes with it as `since`, so a change made while the page loads is not lost between the
   * old stream closing and the new one opening (the page would otherwise show a stale state forever).
   */
  get lastSeq(): number {
    return this.#seq;
  }

  /**
   * `close` ends the subscriber's stream when the server shuts down (open streams would hold it up).
   * `since` replays the buffered messages after that sequence number that reach this subscriber.
   */
  subscribe(who: Subscriber, listener: Listener, close?: Closer, since?: number): () => void {
    const id = this.#nextId++;
    if (since !== undefined) {
      for (const { audience, message } of this.#recent) {
        if (message.seq > since && reaches(audience, who)) listener(message);
      }
    }
    this.#subscriptions.set(id, close ? { who, listener, close } : { who, listener });
    return () => this.#subscriptions.delete(id);
  }

  /** Ends every open stream (shutdown); browsers reconnect to whichever server is up. */
  disconnectAll(): void {
    for (const [id, { close }] of this.#subscriptions) {
      this.#subscriptions.delete(id);
      close?.();
    }
  }

  /** Ends every stream of one person, in all their sessions (password changed, account disabled). */
  disconnectUser(userId: string): number {
    return this.#disconnect((who) => who.userId === userId);
  }

  /**
   * Ends the streams opened in one sign-in session (its logout): a page left open must not go on
   * receiving events for a person who has signed out. Returns how many were ended.
   */
  disconnectSession(sessionId: string): number {
    return this.#disconnect((who) => who.sessionId === sessionId);
  }

  #disconnect(ends: (who: Subscriber) => boolean): number {
    let ended = 0;
    for (const [id, { who, close }] of this.#subscriptions) {
      if (!ends(who)) continue;
      this.#subscriptions.delete(id);
      close?.();
      ended += 1;
    }
    return ended;
  }

  /** Delivers to every subscriber in `audience`; returns how many received it. */
  publish(audience: Audience, message: LiveMessage): number {
    const sequenced = { ...message, seq: ++this.#seq };
    this.#recent.push({ audience, message: sequenced });
    if (this.#recent.length > REPLAY_LIMIT) this.#recent.shift();
    let delivered = 0;
    for (const { who, listener } of this.#subscriptions.values()) {
      if (!reaches(audience, who)) continue;
      try {
        listener(sequenced);
        delivered += 1;
      } catch {
        // A broken stream is cleaned up by its own close handler; others still get the event.
      }
    }
    return delivered;
  }

  get size(): number {
    return this.#subscriptions.size;
  }
}

function reaches(audience: Audience, who: Subscriber): boolean {
  if (audience.userIds?.includes(who.userId)) return true;
  if (who.role === 'admin' && audience.admins) return true;
  return (
    who.role === 'clerk' && who.centreId !== null && (audience.centreIds?.includes(who.centreId) ?? false)
  );
}

/** The audience of one application: its applicant, its centre's clerks, the admins. */
export function applicationAudience(application: { applicantId: string; centreId: string }): Audience {
  return { userIds: [application.applicantId], centreIds: [application.centreId], admins: true };
}
