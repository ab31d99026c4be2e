/**
 * Outbound mail through an outbox: nothing lost, nothing sent twice. Other modules queue a
 * mail with {@link org.misemori.notify.MailOutbox} inside their own transaction; a poller
 * delivers it once that transaction has committed, retrying while the mail server is away.
 * On the embedded default an in-process mail server receives everything, shown at
 * {@code /dev/mail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package org.misemori.notify;
