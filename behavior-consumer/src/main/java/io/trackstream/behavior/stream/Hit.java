package io.trackstream.behavior.stream;

import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;

/**
 * What sessionization keeps of one event while it waits in the grace buffer: small, so a user's
 * buffer stays cheap to store.
 *
 * @param eventId the event's id (the first event's id names the session)
 * @param time event time, epoch ms
 * @param type the event type
 * @param page the cleaned page of a page view or search, else null
 * @param device the device type, or null
 * @param clientSessionId the client's session id, or null
 * @param amount a purchase's amount (cart_value, else price), else null
 * @param currency a purchase's currency
 */
record Hit(String eventId, long time, String type, String page, String device, String clientSessionId,
           BigDecimal amount, String currency) {

    /** The currency of a purchase that names none (ISO 4217 "no currency"). */
    static final String NO_CURRENCY = "XXX";

    static Hit of(UserActivityEvent event, PathCleaner cleaner) {
        boolean isPage = KnownEventType.PAGE_VIEW.wireName().equals(event.eventType())
                || KnownEventType.SEARCH.wireName().equals(event.eventType());
        return new Hit(event.eventId(), event.timestamp().toEpochMilli(), event.eventType(),
                isPage ? cleaner.clean(event.pageUrl()) : null,
                event.device() == null ? null : event.device().type(), event.sessionId(),
                purchaseAmount(event), purchaseCurrency(event));
    }

    boolean purchaseHit() {
        return KnownEventType.PURCHASE.wireName().equals(type);
    }

    static BigDecimal purchaseAmount(UserActivityEvent event) {
        if (!KnownEventType.PURCHASE.wireName().equals(event.eventType()) || event.properties() == null) {
            return null;
        }
        BigDecimal amount = event.properties().cartValue();
        return amount != null ? amount : event.properties().price();
    }

    static String purchaseCurrency(UserActivityEvent event) {
        if (!KnownEventType.PURCHASE.wireName().equals(event.eventType())) {
            return null;
        }
        return event.properties() == null || event.properties().currency() == null
                ? NO_CURRENCY : event.properties().currency();
    }
}
