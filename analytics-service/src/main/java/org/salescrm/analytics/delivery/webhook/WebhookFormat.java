package org.salescrm.analytics.delivery.webhook;

/**
 * How a subscription's deliveries are written: {@code STANDARD} the JSON documented in the README, or the message
 * body a DingTalk (钉钉) or WeCom (企业微信) group robot takes, so a robot's webhook address can be subscribed as it is.
 */
public enum WebhookFormat {
    STANDARD, DINGTALK, WECOM
}
