/** The worker side of `cardDrawing.ts`: draws the cards it is sent into the card cache, one answer per card. */
import { parentPort } from 'node:worker_threads';
import type { CardLayout } from './socialCard.ts';
import { drawCardFile } from './socialCardImage.ts';

export interface CardRequest {
  file: string;
  layout: CardLayout;
}
export interface CardAnswer {
  file: string;
  error?: string | undefined;
}

parentPort?.on('message', ({ file, layout }: CardRequest) => {
  drawCardFile(layout, file).then(
    () => parentPort!.postMessage({ file } satisfies CardAnswer),
    (error: unknown) =>
      parentPort!.postMessage({
        file,
        error: error instanceof Error ? error.message : String(error),
      } satisfies CardAnswer),
  );
});
