/**
 * How every {@code getaways.*} settings type is written, so that each one reads the same
 * way.
 *
 * <p>
 * A settings type is a record (a class only where a record cannot be) annotated
 * {@code @ConfigurationProperties} and {@code @Validated}. Each property's default is
 * given once, by {@code @DefaultValue} on its component; a nested record takes
 * {@code @DefaultValue} for its own defaults and {@code @Valid} for its own constraints.
 * No code reads 0, null or an empty text as "use the default": a value someone wrote down
 * is used or rejected. A value with a meaning of its own, such as a port of 0 for any
 * free port, is documented as such. (Spring Boot binds an empty number or duration of an
 * object type as unset, so that one takes its default; an empty {@code int} or text is
 * rejected.)
 *
 * <p>
 * A property's own rule is a constraint of this package on its component:
 * {@link AtLeast}, {@link AtMost}, {@link PositiveDuration}, {@link NonBlank}. A rule
 * that needs code, because it relates several properties or checks a syntax, goes in
 * {@link SettingsRules#checkRules}, which reports on a property like any constraint. The
 * messages are plain English rather than Bean Validation's localised defaults, and
 * {@link InvalidSettings} turns each rejected value into one line of one shape, which
 * startup reports through {@code InvalidSettingsFailureAnalyzer}:
 * {@code getaways.bookings.max-seats must be at least 1 but was 0}. The value of a
 * property named like a secret ({@code …secret}, {@code …password}, {@code …key}, an
 * entry of a {@code …keys} map) is never printed, only its length. Settings needed before
 * any bean exists are bound and validated the same way by {@link SettingsBinder}.
 */
@org.springframework.modulith.NamedInterface("config")
package io.getaways.platform.config;
