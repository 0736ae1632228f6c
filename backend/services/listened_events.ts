import type { EmitterLike } from '@adonisjs/core/types/events'

type Events = Record<string | symbol | number, any>

/**
 * The app's emitter, for code that announces events whether or not anyone
 * listens (the auth guards announce every authentication, twice per API
 * request): an event without a listener is not dispatched at all, which
 * saves the dispatch's promises on every request. Listeners are looked up
 * at each emit, so one added later hears the next event. Events faked with
 * `emitter.fake()` count only when someone also listens to them.
 */
export class ListenedEvents<List extends Events> implements EmitterLike<List> {
  constructor(private emitter: EmitterLike<List>) {}

  emit(event: any, data: any): Promise<void> {
    if (!this.emitter.hasListeners(event)) return Promise.resolve()
    return this.emitter.emit(event, data)
  }

  emitSerial(event: any, data: any): Promise<void> {
    if (!this.emitter.hasListeners(event)) return Promise.resolve()
    return this.emitter.emitSerial(event, data)
  }

  listenerCount(event?: any) {
    return this.emitter.listenerCount(event)
  }

  hasListeners(event?: any) {
    return this.emitter.hasListeners(event)
  }
}
