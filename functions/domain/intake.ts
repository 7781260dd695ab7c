import { z } from 'zod';
import { isValidIdNumber, PHONE_PATTERN } from './petitioner.ts';

export const CHANNELS = ['online', 'letter', 'visit', 'phone', 'leader_visit'] as const;
export type Channel = (typeof CHANNELS)[number];

const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'must be a GB/T 2260 region code of 6, 9 or 12 digits');

export const petitionerSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    phone: z.string().trim().regex(PHONE_PATTERN, 'must be a mainland mobile or landline number').optional(),
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidIdNumber, 'must be an 18-character resident identity number with a valid check digit')
      .optional(),
  })
  .strict()
  .refine((p) => p.phone !== undefined || p.idNumber !== undefined, {
    message: 'a phone number or an identity number is needed to reach the petitioner',
    path: ['phone'],
  });
export type Petitioner = z.infer<typeof petitionerSchema>;

/** What a petitioner or a clerk submits to register a case (POST /v1/cases). */
export const submissionSchema = z
  .object({
    channel: z.enum(CHANNELS),
    category: z.string().min(1).max(40),
    title: z.string().trim().min(1).max(200),
    content: z.string().trim().min(1).max(10_000),
    regionCode,
    /** Where the petitioner brought the matter, when that is not where it belongs: over-level detection. */
    addressedTo: regionCode.optional(),
    headcount: z.number().int().min(1).max(10_000).default(1),
    petitioner: petitionerSchema,
  })
  .strict();
export type Submission = z.infer<typeof submissionSchema>;

/** A case brought by this many people or more is collective (集体访). */
export const COLLECTIVE_HEADCOUNT = 5;
