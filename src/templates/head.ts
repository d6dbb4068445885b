/** What every template's measure says of itself, and the MeasureDef fields it makes: one place for all of them. */
import type { Track } from '../domain/enterprise.js';
import type { Kind, Msg } from '../domain/result.js';

/** A measure's id, article, title and the words it implements; optionally its tracks, application lag and notes. */
export interface MeasureHead {
  id: string;
  article: string;
  title: { zh: string; en: string };
  quote: string;
  tracks?: readonly Track[];
  /** Years after the performance year in which it is applied for (each template has its default). */
  applicationLag?: number;
  notes?: readonly Msg[];
}

/** The MeasureDef fields of a head, with the template's kind and default application lag. */
export function headFields(o: MeasureHead, kind: Kind, lag: number) {
  return {
    id: o.id,
    article: o.article,
    kind,
    title: o.title,
    quote: o.quote,
    ...(o.tracks ? { tracks: o.tracks } : {}),
    applicationLag: o.applicationLag ?? lag,
    ...(o.notes && o.notes.length ? { notes: o.notes } : {}),
  };
}
