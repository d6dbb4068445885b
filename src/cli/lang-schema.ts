/**
 * --lang as the commands' option schemas read it: zh or en, else from the environment (envLang). Apart from
 * common.ts, so that the commands that need no schema (--help, --version) do not load zod.
 */
import { z } from 'zod';
import type { Lang } from '../domain/labels.js';
import { envLang } from './common.js';

export const langSchema = z
  .enum(['zh', 'en'])
  .optional()
  .transform((v): Lang => v ?? envLang());
