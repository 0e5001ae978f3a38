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

export interface Audience {
  userIds?: readonly string[];
  centreIds?: readonly string[];
  admins?: boolean;
}

export interface Subscriber {
  userId: string;
  role: Role;
  centreId: string | null;
}

type Listener = (message: LiveMessage) => void;
type Closer = () => void;

export class EventHub {
  readonly #subscriptions = new Map<number, { who: Subscriber; listener: Listener; close?: Closer }>();
  #nextId = 1;

  /** `close` ends the subscriber's stream when the server shuts down (open streams would hold it up). */
  subscribe(who: Subscriber, listener: Listener, close?: Closer): () => void {
    const id = this.#nextId++;
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

  /** Delivers to every subscriber in `audience`; returns how many received it. */
  publish(audience: Audience, message: LiveMessage): number {
    let delivered = 0;
    for (const { who, listener } of this.#subscriptions.values()) {
      if (!reaches(audience, who)) continue;
      try {
        listener(message);
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
