/**
 * Notifications to travellers: booking confirmations and cancellations are queued as
 * documents in MongoDB ({@code notifications}) by an outbox listener, and a notifier
 * hands each to the configured {@link io.getaways.notification.NotificationSender} once,
 * then marks it sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "notification",
		allowedDependencies = { "platform", "platform :: config", "platform :: web", "booking", "identity" })
package io.getaways.notification;
