package org.salescrm.analytics.delivery;

/** The incoming channels of alert delivery, as configured in application.properties. */
public final class DeliveryChannels {

    /** crm.alerts in a consumer group of this instance alone, feeding its live streams. */
    public static final String ALERT_STREAM = "alert-stream";
    /** crm.alerts in the service's group, turning each alert event into webhook deliveries. */
    public static final String ALERT_DELIVERIES = "alert-deliveries";
    /** The domain topics in a group of their own, for subscriptions naming event types. */
    public static final String EVENT_DELIVERIES = "event-deliveries";

    private DeliveryChannels() {
    }
}
