/* Generated from the API document by `npm run api-types` (lib/api-types.ts): do not edit. */
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the API is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API document (OpenAPI 3.1) */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reference page of this API document */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The regions directly below a region, or the top level */
        get: operations["getRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case categories */
        get: operations["getCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** China's statutory holidays and make-up workdays (调休) of a year, which the deadlines follow */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a calendar year (admin of a province unit); every open deadline is counted again */
        put: operations["putCalendarByYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's worklist (the open cases by default) */
        get: operations["getCases"];
        put?: never;
        /** Submit a case (petitioners online; clerks of a petition office any channel) */
        post: operations["postCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a phone: a 6-digit code goes to it by SMS, to send with a submission within 5 minutes */
        post: operations["postVerifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-recovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recover lost access codes: with a verified phone, each of its open cases gets a new code by SMS, and the old one stops working */
        post: operations["postAccessRecovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole case with its history */
        get: operations["getCasesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The petitioner's view of their case: status, level, deadline, timeline */
        get: operations["getCasesByIdProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messages (SMS) sent to the petitioner about their case, oldest first */
        get: operations["getCasesByIdMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deadline notices to the caller's unit, newest first */
        get: operations["getNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A region's figures: volumes, structure, the three rates, by period */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A region's figures for the public, small counts withheld */
        get: operations["getStatsPublic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The announced visits of a region and below, soonest first */
        get: operations["getVisits"];
        put?: never;
        /** Announce a leader's visit */
        post: operations["postVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reschedule a visit */
        post: operations["postVisitsByIdReschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a visit */
        post: operations["postVisitsByIdCancellation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visit day's figures */
        get: operations["getVisitsByIdSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{id}/receptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a batch of petitioners received at a visit */
        post: operations["postVisitsByIdReceptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{id}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visit's bookings by ticket: no identity number, phones masked */
        get: operations["getVisitsByIdBookings"];
        put?: never;
        /** Book a place at a leader's visit with a verified phone: a ticket and a slot, confirmed by SMS with the booking code */
        post: operations["postVisitsByIdBookings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{id}/bookings/{bookingId}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a booking with the booking code its SMS gave, sent as X-Booking-Code */
        post: operations["postVisitsByIdBookingsByBookingIdCancellation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units below a region ranked by petitions per 10,000 inhabitants, weighted by overdue and repeat ones */
        get: operations["getHotspots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matter-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matter groups (one matter, many petitioners) of a region and period, largest first */
        get: operations["getMatterGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matter-groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a case in a matter group */
        post: operations["postMatterGroupsByIdMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matter-groups/{id}/removals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a case out of a matter group */
        post: operations["postMatterGroupsByIdRemovals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matter-groups/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit's one reply to every member of a matter group */
        post: operations["postMatterGroupsByIdReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reports of a region, newest first */
        get: operations["getReports"];
        put?: never;
        /** Compile the joint-meeting report of the period holding a day, so far */
        post: operations["postReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report */
        get: operations["getReportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report as the page for the meeting */
        get: operations["getReportsByIdPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petition office's decision: accept, not accept, or forward */
        post: operations["postCasesByIdAcceptance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit signs for the case (签收) or returns it with its reasons (退回), within its window */
        post: operations["postCasesByIdReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reassignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petition office's ruling on a return: reassign the case, or insist */
        post: operations["postCasesByIdReassignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit's one extension of the handling time */
        post: operations["postCasesByIdExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/extension/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit's leader approves or refuses a handler's extension */
        post: operations["postCasesByIdExtensionApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/progress-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit's note of the handling's progress, shown to the petitioner when visibleToPetitioner */
        post: operations["postCasesByIdProgressNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/pauses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit asks to pause the handling clock (时限中止), pending the petition office's approval */
        post: operations["postCasesByIdPauses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/pauses/{pauseId}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A supervisor or leader of the petition office approves a pending pause (the clock stops now) or refuses it */
        post: operations["postCasesByIdPausesByPauseIdApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/pauses/{pauseId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit or the petition office ends a running pause: the deadline moves by the paused time */
        post: operations["postCasesByIdPausesByPauseIdEnd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/co-handling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit asks another unit of the office's area for its opinion (协办), by a deadline of the task's own */
        post: operations["postCasesByIdCoHandling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/co-handling/{taskId}/opinion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The unit asked gives its opinion on its co-handling task */
        post: operations["postCasesByIdCoHandlingByTaskIdOpinion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/co-handling/{taskId}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit closes an open co-handling task without its opinion, with the reason */
        post: operations["postCasesByIdCoHandlingByTaskIdClosure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit's reply to the petitioner */
        post: operations["postCasesByIdReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reply/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead unit's leader releases a draft reply to the petitioner, or sends it back */
        post: operations["postCasesByIdReplyApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/review-opinion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reviewing office's opinion */
        post: operations["postCasesByIdReviewOpinion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a possible repeat (possibleRepeatOf) into the open case it repeats, which counts it */
        post: operations["postCasesByIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petitioner's rating of the reply or opinion */
        post: operations["postCasesByIdEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/review-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petitioner's request for review (复查) or re-review (复核) */
        post: operations["postCasesByIdReviewRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petitioner urges (催办) the unit whose clock is running on the case, at most once per policy `urgeInterval` */
        post: operations["postCasesByIdUrge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/client-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a client app (admins): its API key for Open311 submissions, shown once */
        post: operations["postClientApps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's files the caller may see, each with a download URL valid 5 minutes */
        get: operations["getCasesByIdAttachments"];
        put?: never;
        /** Declare a file to attach (a photo or document as evidence): answers where to upload it */
        post: operations["postCasesByIdAttachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/attachments/{attachmentId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete an upload: the file is checked against what was declared and, a JPEG, stripped of its metadata */
        post: operations["postCasesByIdAttachmentsByAttachmentIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A leader of the case's office or above names the owning leader of a hard case (包案), with the plan and the target date */
        post: operations["postCasesByIdOwnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hard-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's hard cases: with candidates=true the open cases that are hard, else the responsibility list of owned cases */
        get: operations["getHardCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Attachment: {
            id: string;
            fileName: string;
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "application/pdf";
            size: number;
            /** @enum {string} */
            by: "petitioner" | "staff";
            public: boolean;
            at: string;
            downloadUrl: string;
        } & {
            [key: string]: unknown;
        };
        Attachments: {
            items: components["schemas"]["Attachment"][];
        } & {
            [key: string]: unknown;
        };
        AttachmentUpload: {
            id: string;
            uploadUrl: string;
            uploadHeaders: {
                [key: string]: string;
            };
            expiresAt: string;
        } & {
            [key: string]: unknown;
        };
        Booking: {
            id: string;
            visitId: string;
            ticket: number;
            slot: {
                from: string;
                to: string;
            } & {
                [key: string]: unknown;
            };
            persons: number;
            /** @enum {string} */
            status: "booked" | "cancelled";
        } & {
            [key: string]: unknown;
        };
        CalendarYear: {
            year: number;
            daysOff: ({
                date: string;
                name: string;
            } & {
                [key: string]: unknown;
            })[];
            workdays: string[];
            loaded: boolean;
        } & {
            [key: string]: unknown;
        };
        Category: {
            code: string;
            name: string;
            department: string | null;
        } & {
            [key: string]: unknown;
        };
        ClientApp: {
            id: string;
            name: string;
            apiKey: string;
        } & {
            [key: string]: unknown;
        };
        CoHandlingTask: {
            taskId: string;
            dueAt: string;
        } & {
            [key: string]: unknown;
        };
        GatewayMessage: {
            message: string;
        } & {
            [key: string]: unknown;
        };
        GetCases200: {
            items: components["schemas"]["WorklistEntry"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetCasesByIdMessages200: {
            items: components["schemas"]["PetitionerMessage"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetCategories200: {
            items: components["schemas"]["Category"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetHardCases200: {
            items: components["schemas"]["HardCaseEntry"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetMatterGroups200: {
            items: components["schemas"]["MatterGroup"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetNotices200: {
            items: components["schemas"]["Notice"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetRegions200: {
            items: components["schemas"]["Region"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetReports200: {
            items: components["schemas"]["ReportListing"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetVisits200: {
            items: components["schemas"]["Visit"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GetVisitsByIdBookings200: {
            items: components["schemas"]["StaffBooking"][];
            nextCursor: string | null;
        } & {
            [key: string]: unknown;
        };
        GroupReply: {
            groupId: string;
            answered: string[];
            drafted: string[];
            unanswered: ({
                caseId: string;
                reason: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        HardCaseEntry: {
            id: string;
            title: string;
            category: string;
            regionCode: string;
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
            level: ("province" | "city" | "county" | "township" | "village") | null;
            receivedAt: string;
            escalationCount: number;
            office: string | null;
            leadUnit: string | null;
            owner: ({
                name: string;
                title: string;
            } & {
                [key: string]: unknown;
            }) | null;
            targetDate: string | null;
            daysOpen?: number;
            deadline?: string | null;
            plan?: string;
            ownedAt?: string;
            finishedAt?: string | null;
            /** @enum {string} */
            target?: "kept" | "missed" | "open";
            progress?: ({
                at: string;
                actor: string;
                action: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        Health: {
            /** @constant */
            status: "ok";
        } & {
            [key: string]: unknown;
        };
        Hotspot: {
            code: string;
            name: string;
            volume: number;
            per10k: number;
            overdue: number;
            repeat: number;
            urges: number;
            score: number;
            matters?: components["schemas"]["MatterSummary"][];
        } & {
            [key: string]: unknown;
        };
        Hotspots: {
            parentCode: string;
            from: string;
            to: string;
            items: components["schemas"]["Hotspot"][];
        } & {
            [key: string]: unknown;
        };
        MatterGroup: {
            id: string;
            regionCode: string;
            category: string;
            title: string;
            size: number;
            firstReceivedAt: string;
            lastReceivedAt: string;
            members: string[];
        } & {
            [key: string]: unknown;
        };
        MatterSummary: {
            id: string;
            title: string;
            category: string;
            size: number;
            regionCode: string;
        } & {
            [key: string]: unknown;
        };
        Notice: {
            /** @enum {string} */
            kind: "warning" | "supervision" | "escalation" | "critical" | "closed" | "idle" | "urge" | "repeat";
            caseId: string;
            level: ("province" | "city" | "county" | "township" | "village") | null;
            deadline: string | null;
            to: ({
                unit: string;
                /** @enum {string} */
                role: "clerk" | "handler" | "supervisor" | "leader" | "admin";
            } & {
                [key: string]: unknown;
            })[];
            at: string;
            owner?: {
                name: string;
                title: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        PetitionerMessage: {
            at: string;
            /** @enum {string} */
            kind: "verification" | "access_code" | "received" | "accepted" | "not_accepted" | "forwarded" | "extended" | "paused" | "resumed" | "replied" | "supervised" | "escalated" | "review_requested" | "review_opinion" | "final" | "booking_confirmed" | "booking_reminder" | "booking_cancelled" | "booking_rescheduled" | "booking_visit_cancelled";
            text: string;
            /** @enum {string} */
            status: "pending" | "sent" | "unreachable";
        } & {
            [key: string]: unknown;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors: ({
                path: string;
                message: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        Progress: {
            id: string;
            caseNumber: string | null;
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
            level: ("province" | "city" | "county" | "township" | "village") | null;
            dueAt: string | null;
            timeline: ({
                at: string;
                event: string;
                note: string;
            } & {
                [key: string]: unknown;
            })[];
            attachments?: ({
                id: string;
                fileName: string;
                contentType: string;
                size: number;
                by: string;
                at: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        PublicStats: {
            regionCode: string;
            from: string;
            to: string;
            /** @enum {string} */
            by?: "week" | "month";
            periods?: {
                start: string;
                received: number | null;
                byChannel: {
                    [key: string]: number | null;
                };
                byCategory: {
                    [key: string]: number | null;
                };
                byStatus: {
                    [key: string]: number | null;
                };
                repeat: number | null;
                collective: number | null;
                overLevel: number | null;
                timelyAcceptanceRate: number | null;
                onTimeClosureRate: number | null;
                satisfactionRate: number | null;
                suppressed: ({
                    below: number;
                    reason: string;
                } & {
                    [key: string]: unknown;
                }) | null;
            }[];
            received: number | null;
            byChannel: {
                [key: string]: number | null;
            };
            byCategory: {
                [key: string]: number | null;
            };
            byStatus: {
                [key: string]: number | null;
            };
            repeat: number | null;
            collective: number | null;
            overLevel: number | null;
            timelyAcceptanceRate: number | null;
            onTimeClosureRate: number | null;
            satisfactionRate: number | null;
            suppressed: ({
                below: number;
                reason: string;
            } & {
                [key: string]: unknown;
            }) | null;
        };
        Reception: {
            id: string;
            caseNumber: string;
            accessCode: string;
            visitId: string;
            /** @enum {string} */
            outcome: "resolved_on_spot" | "assigned" | "determined";
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
        } & {
            [key: string]: unknown;
        };
        RecoveryAccepted: {
            [key: string]: unknown;
        };
        Region: {
            code: string;
            name: string;
            /** @enum {string} */
            level: "province" | "city" | "county" | "township" | "village";
            population: number;
        } & {
            [key: string]: unknown;
        };
        Repeated: {
            id: string;
            /** @constant */
            repeat: true;
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
        } & {
            [key: string]: unknown;
        };
        Report: {
            id: string;
            /** @enum {string} */
            kind: "weekly" | "monthly" | "quarterly";
            regionCode: string;
            regionName: string;
            /** @enum {string} */
            regionLevel: "province" | "city" | "county" | "township" | "village";
            period: {
                from: string;
                to: string;
            } & {
                [key: string]: unknown;
            };
            previousPeriod: {
                from: string;
                to: string;
            } & {
                [key: string]: unknown;
            };
            generatedAt: string;
            figures: {
                received: number;
                byChannel: {
                    [key: string]: number;
                };
                byCategory: {
                    [key: string]: number;
                };
                byStatus: {
                    [key: string]: number;
                };
                repeat: number;
                collective: number;
                overLevel: number;
                returned: number;
                returnedByUnit: {
                    [key: string]: number;
                };
                paused: number;
                idle: number;
                hardCases: number;
                urges: number;
                coHandlingOverdue: number;
                timelyAcceptanceRate: number | null;
                onTimeClosureRate: number | null;
                satisfactionRate: number | null;
            } & {
                [key: string]: unknown;
            };
            previousFigures: {
                received: number;
                byChannel: {
                    [key: string]: number;
                };
                byCategory: {
                    [key: string]: number;
                };
                byStatus: {
                    [key: string]: number;
                };
                repeat: number;
                collective: number;
                overLevel: number;
                returned: number;
                returnedByUnit: {
                    [key: string]: number;
                };
                paused: number;
                idle: number;
                hardCases: number;
                urges: number;
                coHandlingOverdue: number;
                timelyAcceptanceRate: number | null;
                onTimeClosureRate: number | null;
                satisfactionRate: number | null;
            } & {
                [key: string]: unknown;
            };
            volumeChange: number | null;
            trend: ({
                start: string;
                received: number;
            } & {
                [key: string]: unknown;
            })[];
            hotspots: components["schemas"]["Hotspot"][];
            hardCases: {
                longestOpen: ({
                    id: string;
                    title: string;
                    status: string;
                    receivedAt: string;
                    daysOpen: number;
                    escalationCount: number;
                } & {
                    [key: string]: unknown;
                })[];
                mostEscalated: ({
                    id: string;
                    title: string;
                    status: string;
                    receivedAt: string;
                    daysOpen: number;
                    escalationCount: number;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            };
            matters?: components["schemas"]["MatterSummary"][];
        } & {
            [key: string]: unknown;
        };
        ReportListing: {
            id: string;
            /** @enum {string} */
            kind: "weekly" | "monthly" | "quarterly";
            regionCode: string;
            regionName: string;
            period: {
                from: string;
                to: string;
            } & {
                [key: string]: unknown;
            };
            generatedAt: string;
        } & {
            [key: string]: unknown;
        };
        StaffBooking: {
            id: string;
            visitId: string;
            ticket: number;
            slot: {
                from: string;
                to: string;
            } & {
                [key: string]: unknown;
            };
            persons: number;
            /** @enum {string} */
            status: "booked" | "cancelled";
            category: string;
            summary: string;
            phone: string;
            bookedAt: string;
            cancelledAt: string | null;
        } & {
            [key: string]: unknown;
        };
        StaffCase: {
            id: string;
            caseNumber: string | null;
            /** @enum {string} */
            channel: "online" | "letter" | "visit" | "phone" | "leader_visit";
            category: string;
            title: string;
            content: string;
            regionCode: string;
            headcount: number;
            petitioners: ({
                name: string;
                phone?: string;
                idNumber?: string;
            } & {
                [key: string]: unknown;
            })[];
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
            office: string | null;
            leadUnit: string | null;
            coUnits: string[];
            responsibleLeader: string | null;
            level: ("province" | "city" | "county" | "township" | "village") | null;
            dueAt: string | null;
            repeatCount: number;
            reply: ({
                opinion: string;
                at: string;
                by: string;
            } & {
                [key: string]: unknown;
            }) | null;
            evaluations: ({
                /** @enum {string} */
                rating: "satisfied" | "basically_satisfied" | "dissatisfied";
                at: string;
            } & {
                [key: string]: unknown;
            })[];
            version: number;
            history?: ({
                at: string;
                actor: string;
                action: string;
                detail: unknown;
            } & {
                [key: string]: unknown;
            })[];
            ownership: ({
                leader: {
                    name: string;
                    title: string;
                } & {
                    [key: string]: unknown;
                };
                plan: string;
                targetDate: string;
                unit: string;
                at: string;
                by: string;
                finishedAt: string | null;
            } & {
                [key: string]: unknown;
            }) | null;
            possibleRepeatOf?: string | null;
            matterGroup?: ({
                id: string;
                size: number;
            } & {
                [key: string]: unknown;
            }) | null;
            coHandling?: ({
                id: string;
                unit: string;
                request: string;
                askedAt: string;
                dueAt: string;
                supervisedAt: string | null;
                opinion: ({
                    opinion: string;
                    at: string;
                    by: string;
                } & {
                    [key: string]: unknown;
                }) | null;
                closure: ({
                    reason: string;
                    at: string;
                    by: string;
                } & {
                    [key: string]: unknown;
                }) | null;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        Stats: {
            regionCode: string;
            from: string;
            to: string;
            /** @enum {string} */
            by?: "week" | "month";
            periods?: {
                start: string;
                received: number;
                byChannel: {
                    [key: string]: number;
                };
                byCategory: {
                    [key: string]: number;
                };
                byStatus: {
                    [key: string]: number;
                };
                repeat: number;
                collective: number;
                overLevel: number;
                returned: number;
                returnedByUnit: {
                    [key: string]: number;
                };
                paused: number;
                idle: number;
                hardCases: number;
                urges: number;
                coHandlingOverdue: number;
                timelyAcceptanceRate: number | null;
                onTimeClosureRate: number | null;
                satisfactionRate: number | null;
            }[];
            received: number;
            byChannel: {
                [key: string]: number;
            };
            byCategory: {
                [key: string]: number;
            };
            byStatus: {
                [key: string]: number;
            };
            repeat: number;
            collective: number;
            overLevel: number;
            returned: number;
            returnedByUnit: {
                [key: string]: number;
            };
            paused: number;
            idle: number;
            hardCases: number;
            urges: number;
            coHandlingOverdue: number;
            timelyAcceptanceRate: number | null;
            onTimeClosureRate: number | null;
            satisfactionRate: number | null;
        };
        Submitted: {
            id: string;
            caseNumber: string;
            accessCode: string;
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
            receivedAt: string;
            acceptanceDueAt: string;
        } & {
            [key: string]: unknown;
        };
        Urged: {
            urgedAt: string;
            nextAllowedAt: string;
        } & {
            [key: string]: unknown;
        };
        VerificationStarted: {
            verificationId: string;
            expiresAt: string;
        } & {
            [key: string]: unknown;
        };
        Visit: {
            id: string;
            leader: {
                name: string;
                title: string;
            } & {
                [key: string]: unknown;
            };
            regionCode: string;
            startsAt: string;
            venue: string;
            departments: string[];
            /** @enum {string} */
            status: "announced" | "cancelled";
            announcedAt: string;
            changes: ({
                /** @enum {string} */
                kind: "rescheduled" | "cancelled";
                at: string;
                reason: string;
            } & {
                [key: string]: unknown;
            })[];
            capacity?: number;
            slotMinutes?: number;
            placesLeft?: number;
        } & {
            [key: string]: unknown;
        };
        VisitSummary: {
            visitId: string;
            batches: number;
            persons: number;
            resolvedOnSpot: number;
            assigned: number;
            determined: number;
            assignedClosed: number;
            assignedOnTime: number;
            assignedOverdue: number;
            booked: number;
            noShow: number;
        } & {
            [key: string]: unknown;
        };
        WorklistEntry: {
            id: string;
            /** @enum {string} */
            status: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
            category: string;
            title: string;
            regionCode: string;
            receivedAt: string;
            level: string | null;
            office: string | null;
            leadUnit: string | null;
            deadline: string | null;
        } & {
            [key: string]: unknown;
        };
        PostAccessRecoveryBody: {
            verification: {
                id: string;
                code: string;
            };
        };
        PostCasesBody: {
            /** @enum {string} */
            channel: "online" | "letter" | "visit" | "phone" | "leader_visit";
            category: string;
            title: string;
            content: string;
            regionCode: string;
            addressedTo?: string;
            /** @default 1 */
            headcount?: number;
            petitioner: {
                name: string;
                phone?: string;
                idNumber?: string;
            };
            verification?: {
                id: string;
                code: string;
            };
        };
        PostCasesByIdAcceptanceBody: {
            /** @enum {string} */
            decision: "accept" | "not_accept" | "forward";
            reason?: string;
            leadUnit?: string;
            coUnits?: string[];
            responsibleLeader?: string;
            forwardTo?: string;
        };
        PostCasesByIdAttachmentsBody: {
            fileName: string;
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "application/pdf";
            size: number;
            public?: boolean;
        };
        PostCasesByIdCoHandlingBody: {
            unit: string;
            request: string;
            days?: number;
        };
        PostCasesByIdCoHandlingByTaskIdClosureBody: {
            reason: string;
        };
        PostCasesByIdCoHandlingByTaskIdOpinionBody: {
            opinion: string;
        };
        PostCasesByIdEvaluationBody: {
            /** @enum {string} */
            rating: "satisfied" | "basically_satisfied" | "dissatisfied";
            comment?: string;
        };
        PostCasesByIdExtensionApprovalBody: {
            approve: boolean;
            reason?: string;
        };
        PostCasesByIdExtensionBody: {
            days: number;
            reason: string;
        };
        PostCasesByIdOwnershipBody: {
            leader: {
                name: string;
                title: string;
            };
            plan: string;
            targetDate: string;
        };
        PostCasesByIdPausesBody: {
            /** @enum {string} */
            reason: "hearing" | "appraisal" | "awaiting_materials" | "other";
            note: string;
        };
        PostCasesByIdPausesByPauseIdApprovalBody: {
            approve: boolean;
            reason?: string;
        };
        PostCasesByIdPausesByPauseIdEndBody: {
            note?: string;
        };
        PostCasesByIdProgressNotesBody: {
            note: string;
            visibleToPetitioner: boolean;
        };
        PostCasesByIdReassignmentBody: {
            /** @enum {string} */
            ruling: "reassign" | "insist";
            leadUnit?: string;
            reason: string;
        };
        PostCasesByIdReceiptBody: {
            /** @enum {string} */
            decision: "sign" | "return";
            reason?: string;
            suggestedUnit?: string;
        };
        PostCasesByIdReplyApprovalBody: {
            approve: boolean;
            comment?: string;
        };
        PostCasesByIdReviewOpinionBody: {
            opinion: string;
            upheld: boolean;
        };
        PostCasesByIdReviewRequestBody: {
            reason: string;
        };
        PostCasesByIdUrgeBody: {
            note?: string;
        };
        PostClientAppsBody: {
            name: string;
        };
        PostMatterGroupsByIdMembersBody: {
            caseId: string;
        };
        PostMatterGroupsByIdReplyBody: {
            opinion: string;
        };
        PostReportsBody: {
            /** @enum {string} */
            kind: "weekly" | "monthly" | "quarterly";
            regionCode?: string;
            day?: string;
        };
        PostVerificationsBody: {
            phone: string;
        };
        PostVisitsBody: {
            leader: {
                name: string;
                title: string;
            };
            regionCode: string;
            startsAt: string;
            venue: string;
            departments: string[];
            capacity?: number;
            slotMinutes?: number;
        };
        PostVisitsByIdBookingsBody: {
            phone: string;
            verification: {
                id: string;
                code: string;
            };
            category: string;
            summary: string;
            persons: number;
        };
        PostVisitsByIdCancellationBody: {
            reason: string;
        };
        PostVisitsByIdReceptionsBody: {
            persons: number;
            petitioner: {
                name: string;
                phone?: string;
                idNumber?: string;
            };
            category: string;
            title: string;
            content: string;
            regionCode: string;
            /** @enum {string} */
            outcome: "resolved_on_spot" | "assigned" | "determined";
            leadUnit?: string;
            responsibleLeader?: string;
            resolution?: string;
            bookingId?: string;
        };
        PostVisitsByIdRescheduleBody: {
            startsAt: string;
            venue?: string;
            reason: string;
            capacity?: number;
            slotMinutes?: number;
        };
        PutCalendarByYearBody: {
            daysOff: {
                date: string;
                name: string;
            }[];
            workdays: string[];
        };
    };
    responses: {
        /** @description Bad input: the problem document names each field at fault in `errors`. Nothing was changed. */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid staff token (API Gateway answers itself), or a token whose claims name no unit or role of the system (a problem document). */
        NoStaffToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /** @description The staff token sent is not valid, or the request needs one. */
        BadStaffToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No access code was sent. */
        NoAccessCode: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role may not do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not there, or outside the caller's scope (or a wrong access code): the same answer. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is too large. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /** @description The body must be sent as application/json. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Beyond the route's throttle: API Gateway answers itself. Try again later. */
        Throttled: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /** @description Beyond the route's throttle (API Gateway answers itself), or beyond the route's own limits (a problem document): for a phone or a client address, or how often a case may be urged (the policy's `urgeInterval`). Try again after `Retry-After` seconds. */
        RateLimited: {
            headers: {
                /** @description Seconds to wait (the route's own limits). */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /** @description A fault of the service (a bug): nothing was changed; it is safe to try again. */
        Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /** @description The store is busy: nothing was changed; try again after `Retry-After` seconds. */
        Busy: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description It is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document of the API. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A self-contained page (Redoc) of the API document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
        };
    };
    getRegions: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
                parentCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of regions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetRegions200"];
                };
            };
            400: components["responses"]["Invalid"];
            /** @description There is no such parent region. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every category, in one page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCategories200"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCalendar: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year; `loaded: false` when nobody loaded it (weekends only). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            400: components["responses"]["Invalid"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    putCalendarByYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 2027 */
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "daysOff": [
                 *         {
                 *           "date": "2027-02-06",
                 *           "name": "春节"
                 *         },
                 *         {
                 *           "date": "2027-02-07",
                 *           "name": "春节"
                 *         }
                 *       ],
                 *       "workdays": [
                 *         "2027-02-20"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PutCalendarByYearBody"];
            };
        };
        responses: {
            /** @description The year in force; the open deadlines are being counted again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description A day is outside the year, listed twice, or both a day off and a workday. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCases: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
                status?: "received" | "accepted" | "not_accepted" | "forwarded" | "replied" | "under_review" | "under_rereview" | "closed" | "final";
                overdue?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCases200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCases: {
        parameters: {
            query?: never;
            header?: {
                /** @description A fresh key per submission, the same on every retry of it (kept 24 hours): a retry answers the first answer again; the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "online",
                 *       "category": "housing",
                 *       "title": "楼顶漏水三个月无人处理",
                 *       "content": "城南社区3幢楼顶漏水，物业不予处理。",
                 *       "regionCode": "330726001001",
                 *       "petitioner": {
                 *         "name": "张三",
                 *         "phone": "13800138000"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesBody"];
            };
        };
        responses: {
            /** @description The same matter is open already: it was joined, nothing new was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repeated"];
                };
            };
            /** @description The case is registered; keep the access code, it is shown once. */
            201: {
                headers: {
                    /** @description Where what was created is. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submitted"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["BadStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The Idempotency-Key was used for another body. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVerifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "13800138000"
                 *     }
                 */
                "application/json": components["schemas"]["PostVerificationsBody"];
            };
        };
        responses: {
            /** @description The code is on its way (the same answer for every phone). It is good for 5 minutes; once used, for that phone's requests for 30. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationStarted"];
                };
            };
            400: components["responses"]["Invalid"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postAccessRecovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "verification": {
                 *         "id": "9b2f6c1e-4d3a-4f5e-8a7b-1c2d3e4f5a6b",
                 *         "code": "482913"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PostAccessRecoveryBody"];
            };
        };
        responses: {
            /** @description The new codes are on their way by SMS; the answer says nothing of the cases and holds no code. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryAccepted"];
                };
            };
            400: components["responses"]["Invalid"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCasesByIdProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The progress, with no personal data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Progress"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCasesByIdMessages: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages: each with what it told and whether it was sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCasesByIdMessages200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getNotices: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetNotices200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getStats: {
        parameters: {
            query: {
                regionCode?: string;
                from: string;
                to: string;
                by?: "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The region is unknown or outside the caller's scope. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getStatsPublic: {
        parameters: {
            query: {
                regionCode: string;
                from: string;
                to: string;
                by?: "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public figures. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStats"];
                };
            };
            400: components["responses"]["Invalid"];
            /** @description There is no such region. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getVisits: {
        parameters: {
            query: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
                regionCode: string;
                from?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of visits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetVisits200"];
                };
            };
            400: components["responses"]["Invalid"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVisits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "leader": {
                 *         "name": "王明",
                 *         "title": "县委书记"
                 *       },
                 *       "regionCode": "330726",
                 *       "startsAt": "2026-12-10T01:00:00.000Z",
                 *       "venue": "浦江县信访局接待大厅",
                 *       "departments": [
                 *         "330726:housing",
                 *         "330726:land"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PostVisitsBody"];
            };
        };
        responses: {
            /** @description The visit is announced. */
            201: {
                headers: {
                    /** @description Where what was created is. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVisitsByIdReschedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "startsAt": "2026-12-12T01:00:00.000Z",
                 *       "venue": "浦江县人民广场",
                 *       "reason": "与县委常委会冲突，改期两天"
                 *     }
                 */
                "application/json": components["schemas"]["PostVisitsByIdRescheduleBody"];
            };
        };
        responses: {
            /** @description The visit as now announced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The visit is cancelled or has started, or changed meanwhile. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVisitsByIdCancellation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "因防汛工作取消"
                 *     }
                 */
                "application/json": components["schemas"]["PostVisitsByIdCancellationBody"];
            };
        };
        responses: {
            /** @description The visit as now announced: cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The visit is cancelled or has started, or changed meanwhile. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getVisitsByIdSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batches, persons and outcomes, and how the assigned matters fare. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitSummary"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVisitsByIdReceptions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A fresh key per submission, the same on every retry of it (kept 24 hours): a retry answers the first answer again; the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "persons": 6,
                 *       "petitioner": {
                 *         "name": "李四",
                 *         "phone": "13900001111"
                 *       },
                 *       "category": "housing",
                 *       "title": "安置房墙体开裂",
                 *       "content": "多次反映未果",
                 *       "regionCode": "330726001001",
                 *       "outcome": "assigned",
                 *       "leadUnit": "330726:housing",
                 *       "responsibleLeader": "王副县长"
                 *     }
                 */
                "application/json": components["schemas"]["PostVisitsByIdReceptionsBody"];
            };
        };
        responses: {
            /** @description The batch is registered as a case. */
            201: {
                headers: {
                    /** @description Where what was created is. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reception"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The visit has not started or is cancelled, or the Idempotency-Key was used for another body. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getVisitsByIdBookings: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bookings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetVisitsByIdBookings200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVisitsByIdBookings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "13800138000",
                 *       "verification": {
                 *         "id": "9b2f6c1e-4d3a-4f5e-8a7b-1c2d3e4f5a6b",
                 *         "code": "482913"
                 *       },
                 *       "category": "housing",
                 *       "summary": "安置房墙体开裂，多次反映未果",
                 *       "persons": 2
                 *     }
                 */
                "application/json": components["schemas"]["PostVisitsByIdBookingsBody"];
            };
        };
        responses: {
            /** @description Booked (or this very booking answered again): the ticket and the slot. The SMS brings the booking code, and a reminder comes the day before. */
            201: {
                headers: {
                    /** @description Where what was created is. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["Invalid"];
            404: components["responses"]["NotFound"];
            /** @description The visit takes no bookings, is cancelled, has started or is full, or this phone booked it already with another request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postVisitsByIdBookingsByBookingIdCancellation: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The 8-digit booking code the confirmation SMS gave.
                 * @example 27468513
                 */
                "X-Booking-Code": string;
            };
            path: {
                id: string;
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled (now or by an earlier try): its places are free again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["Invalid"];
            /** @description There is no such booking, or the code is wrong (the same answer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The visit has started or is cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getHotspots: {
        parameters: {
            query: {
                parentCode: string;
                from: string;
                to: string;
                /** @description How many items a page holds at most. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The units, highest score first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hotspots"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The region is unknown or outside the caller's scope. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getMatterGroups: {
        parameters: {
            query: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
                regionCode?: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of groups, each with its members in the caller's scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetMatterGroups200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The region is unknown or outside the caller's scope. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postMatterGroupsByIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "caseId": "3f2b8c1e-5d4a-4e7b-9c6f-2a1d0e9b8c7a"
                 *     }
                 */
                "application/json": components["schemas"]["PostMatterGroupsByIdMembersBody"];
            };
        };
        responses: {
            /** @description The group with the case. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterGroup"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case is in another group, closed, of another county or category, or the group changed meanwhile. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postMatterGroupsByIdRemovals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "caseId": "3f2b8c1e-5d4a-4e7b-9c6f-2a1d0e9b8c7a"
                 *     }
                 */
                "application/json": components["schemas"]["PostMatterGroupsByIdMembersBody"];
            };
        };
        responses: {
            /** @description The group without the case. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterGroup"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case is not in the group, or the group changed meanwhile. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postMatterGroupsByIdReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "opinion": "已责令鑫达化工厂停产整改，环保部门将每周监测。"
                 *     }
                 */
                "application/json": components["schemas"]["PostMatterGroupsByIdReplyBody"];
            };
        };
        responses: {
            /** @description The members answered, those drafted for the leader's sign-off, and those not answered with the reason (each a case of its own). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupReply"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getReports: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
                regionCode?: string;
                kind?: "weekly" | "monthly" | "quarterly";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetReports200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The region is unknown or outside the caller's scope. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postReports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "weekly",
                 *       "regionCode": "330726",
                 *       "day": "2026-11-18"
                 *     }
                 */
                "application/json": components["schemas"]["PostReportsBody"];
            };
        };
        responses: {
            /** @description The report. */
            201: {
                headers: {
                    /** @description Where what was created is. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The region is unknown or outside the caller's scope. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getReportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getReportsByIdPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A self-contained page, with its charts: no script, no external asset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdAcceptance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "accept",
                 *       "leadUnit": "330726:housing",
                 *       "responsibleLeader": "王副县长"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdAcceptanceBody"];
            };
        };
        responses: {
            /** @description The case after the decision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "return",
                 *       "reason": "系物业服务合同纠纷，不属本单位职责",
                 *       "suggestedUnit": "330726:civil_affairs"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdReceiptBody"];
            };
        };
        responses: {
            /** @description The case, signed for or returned to the office. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdReassignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ruling": "insist",
                 *       "reason": "屋面维修属住建部门监管职责"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdReassignmentBody"];
            };
        };
        responses: {
            /** @description The case with its lead unit, whose window to sign opens again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "days": 10,
                 *       "reason": "需现场勘查"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdExtensionBody"];
            };
        };
        responses: {
            /** @description The case with its new deadline, or, under the policy's approveExtensions, a handler's request pending (extension.status). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdExtensionApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approve": true,
                 *       "reason": "确需现场勘查"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdExtensionApprovalBody"];
            };
        };
        responses: {
            /** @description The case, its deadline moved if approved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdProgressNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "已约物业现场查看屋面，定于下周施工。",
                 *       "visibleToPetitioner": true
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdProgressNotesBody"];
            };
        };
        responses: {
            /** @description The case; the note is in its history (and in the timeline when visible), and its idle clock restarts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdPauses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "hearing",
                 *       "note": "定于下月组织听证"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdPausesBody"];
            };
        };
        responses: {
            /** @description The case with the pending pause last in `pauses` (its `id` is the pauseId). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdPausesByPauseIdApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @example 1 */
                pauseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approve": true,
                 *       "reason": "听证确有必要"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdPausesByPauseIdApprovalBody"];
            };
        };
        responses: {
            /** @description The case, paused (its clock and ladder stand still) or with the pause refused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdPausesByPauseIdEnd: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @example 1 */
                pauseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "听证已举行"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdPausesByPauseIdEndBody"];
            };
        };
        responses: {
            /** @description The case with its deadline moved by the paused time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdCoHandling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "unit": "330726:civil_affairs",
                 *       "request": "请就该小区物业资质提出意见",
                 *       "days": 5
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdCoHandlingBody"];
            };
        };
        responses: {
            /** @description The task (its `taskId`) and its deadline; the case is in the co-unit's worklist while the task is open. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoHandlingTask"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case is not being handled, not signed for, or the unit is the lead unit, outside the office's area or asked already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdCoHandlingByTaskIdOpinion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @example 1 */
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "opinion": "经核查，该物业公司资质有效，建议责令其限期维修。"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdCoHandlingByTaskIdOpinionBody"];
            };
        };
        responses: {
            /** @description The case, the task answered (its clock stops). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The task is answered or closed already, or another change came first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdCoHandlingByTaskIdClosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @example 1 */
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "已当面听取意见，无需书面答复"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdCoHandlingByTaskIdClosureBody"];
            };
        };
        responses: {
            /** @description The case, the task closed: it no longer holds the reply back. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The task is answered or closed already, or another change came first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "opinion": "已督促物业维修屋面。"
                 *     }
                 */
                "application/json": components["schemas"]["PostMatterGroupsByIdReplyBody"];
            };
        };
        responses: {
            /** @description The case, replied; or, under the policy's replySignOff, a handler's draft (replyDraft) awaiting the leader. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdReplyApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approve": true,
                 *       "comment": "同意答复"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdReplyApprovalBody"];
            };
        };
        responses: {
            /** @description The case, replied (with the notice of the right to review), or with its draft sent back. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdReviewOpinion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "opinion": "责成物业十日内修复。",
                 *       "upheld": false
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdReviewOpinionBody"];
            };
        };
        responses: {
            /** @description The case with the opinion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The open case, its repeat counted; the possible repeat is closed as merged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case is no open possible repeat, or the case it may repeat is finished or outside your scope. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rating": "dissatisfied",
                 *       "comment": "漏水仍未解决"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdEvaluationBody"];
            };
        };
        responses: {
            /** @description The progress after the rating. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Progress"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdReviewRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "漏水仍未解决"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdReviewRequestBody"];
            };
        };
        responses: {
            /** @description The progress after the request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Progress"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            404: components["responses"]["NotFound"];
            /** @description The case's current state forbids it, or another change came first: read it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdUrge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "已过去一个多月，仍无人联系我"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdUrgeBody"];
            };
        };
        responses: {
            /** @description The urge is recorded and the unit notified; the next is allowed from `nextAllowedAt`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Urged"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            404: components["responses"]["NotFound"];
            /** @description No unit is handling the case now: it is being routed, waits on the petitioner after the reply, or is finished. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postClientApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "浦江县12345热线"
                 *     }
                 */
                "application/json": components["schemas"]["PostClientAppsBody"];
            };
        };
        responses: {
            /** @description The app, with its API key: keep it, it is shown once and only its hash is kept. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientApp"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getCasesByIdAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Staff see every file; the petitioner, their own and those staff marked public. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachments"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "fileName": "楼顶漏水.jpg",
                 *       "contentType": "image/jpeg",
                 *       "size": 2480133
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdAttachmentsBody"];
            };
        };
        responses: {
            /** @description PUT the file to `uploadUrl` with `uploadHeaders` before `expiresAt`, then complete it. */
            201: {
                headers: {
                    /** @description Where what was created is. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentUpload"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoAccessCode"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case is finished, or has its 20 files already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdAttachmentsByAttachmentIdComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file is available. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description The file uploaded is not what was declared (size, type by its own bytes) or is too large: it is deleted; upload it again. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["NoAccessCode"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Nothing was uploaded yet, it is complete already, or the case has its 20 files. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    postCasesByIdOwnership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "leader": {
                 *         "name": "李明",
                 *         "title": "副县长"
                 *       },
                 *       "plan": "约谈物业，督促屋面维修，每周回访",
                 *       "targetDate": "2027-03-31"
                 *     }
                 */
                "application/json": components["schemas"]["PostCasesByIdOwnershipBody"];
            };
        };
        responses: {
            /** @description The case with its owner; a second naming replaces the first, and the history keeps both. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCase"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The case is finished, not a hard case yet, or owned already as named; or another change came first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
    getHardCases: {
        parameters: {
            query?: {
                /** @description How many items a page holds at most. */
                limit?: number;
                /** @description The `nextCursor` of the page before, unchanged, with the same query. */
                cursor?: string;
                unit?: string;
                candidates?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of hard cases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetHardCases200"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["NoStaffToken"];
            403: components["responses"]["Forbidden"];
            /** @description The unit is unknown or outside the caller's scope. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Busy"];
        };
    };
}
