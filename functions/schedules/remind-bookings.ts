import { remindBookings } from '../services/booking-reminders.ts';
import { lambdaHandler } from '../shared/lambda-handler.ts';

/** Hourly: the reminders, a day ahead, of the bookings of leaders' visits (see services/booking-reminders.ts). */
export const handler = lambdaHandler(async () => remindBookings());
