package org.salescrm.visit.visit;

/** How the rep met the customer: on-site 上门, phone 电话, video, message (WeChat), email, an event. */
public enum VisitMethod {
    ONSITE, PHONE, VIDEO, MESSAGE, EMAIL, EVENT
}
