package org.salescrm.analytics.delivery.webhook;

/**
 * How a subscription's deliveries are written: {@code STANDARD} the JSON documented in the README, the message
 * body a DingTalk (钉钉) or WeCom (企业微信) group robot takes, so a robot's webhook address can be subscribed as it
 * is, or {@code EMAIL}, a mail to an address instead of a POST to a URL.
 */
public enum WebhookFormat {
    STANDARD, DINGTALK, WECOM, EMAIL
}
