import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';

/**
 * Cognito's pre-token-generation trigger: copies the staff member's unit and
 * roles (the user pool's custom attributes) into the ID token as the `unit`
 * and `roles` claims the API reads. Roles are space-separated, e.g. "clerk handler".
 */
export async function handler(event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> {
  const attributes = event.request.userAttributes;
  event.response = {
    claimsOverrideDetails: {
      claimsToAddOrOverride: {
        unit: attributes['custom:unit'] ?? '',
        roles: attributes['custom:roles'] ?? '',
      },
    },
  };
  return event;
}
