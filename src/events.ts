// One small event channel for progress and verbosity. Stages emit; the CLI decides what a TTY shows.

export type EventLevel = 'debug' | 'info' | 'progress';

export interface ProgressEvent {
  level: 'progress';
  stage: string;
  done: number;
  total: number;
}

export interface MessageEvent {
  level: 'debug' | 'info';
  stage: string;
  message: string;
}

export type PipelineEvent = ProgressEvent | MessageEvent;

export type EventSink = (event: PipelineEvent) => void;

export const silentSink: EventSink = () => {};

export function progress(sink: EventSink, stage: string, done: number, total: number): void {
  sink({ level: 'progress', stage, done, total });
}

export function info(sink: EventSink, stage: string, message: string): void {
  sink({ level: 'info', stage, message });
}

export function debug(sink: EventSink, stage: string, message: string): void {
  sink({ level: 'debug', stage, message });
}
