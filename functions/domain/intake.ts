import { longText, regionCode, text } from './fields.ts';
import * as z from './zod.ts';
import { isValidIdNumber, PHONE_PATTERN } from './petitioner.ts';
import { verificationProofSchema } from './verification.ts';

export const CHANNELS = ['online', 'letter', 'visit', 'phone', 'leader_visit'] as const;
export type Channel = (typeof CHANNELS)[number];


export const petitionerSchema = z
  .strictObject({
    name: text(100),
    phone: z.optional(z.string().check(z.trim(), z.regex(PHONE_PATTERN, 'must be a mainland mobile or landline number'))),
    idNumber: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.toUpperCase(),
          z.refine(isValidIdNumber, 'must be an 18-character resident identity number with a valid check digit'),
        ),
    ),
  })
  .check(
    z.refine((p) => p.phone !== undefined || p.idNumber !== undefined, {
      message: 'a phone number or an identity number is needed to reach the petitioner',
      path: ['phone'],
    }),
  );
export type Petitioner = z.infer<typeof petitionerSchema>;

/** What a petitioner or a clerk submits to register a case (POST /v1/cases). */
export const submissionSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  category: z.string().check(z.minLength(1), z.maxLength(40)),
  title: text(200),
  content: longText(10_000),
  regionCode,
  /** Where the petitioner brought the matter, when that is not where it belongs: over-level detection. */
  addressedTo: z.optional(regionCode),
  headcount: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  petitioner: petitionerSchema,
  /** The proof of the petitioner's phone (POST /v1/verifications), which an online submission without a staff token carries. */
  verification: z.optional(verificationProofSchema),
});
export type Submission = z.infer<typeof submissionSchema>;

/** A case brought by this many people or more is collective (集体访). */
export const COLLECTIVE_HEADCOUNT = 5;
