import type { MessagePort } from 'node:worker_threads';
import { Observable } from 'rxjs';

/** A MessagePort as a cold Observable of the data posted to it; unsubscribing detaches. */
export function fromPort(port: MessagePort): Observable<unknown> {
  return new Observable<unknown>((subscriber) => {
    const onMessage = (data: unknown): void => subscriber.next(data);
    const onClose = (): void => subscriber.complete();
    port.on('message', onMessage);
    port.on('close', onClose);
    return () => {
      port.off('message', onMessage);
      port.off('close', onClose);
    };
  });
}
