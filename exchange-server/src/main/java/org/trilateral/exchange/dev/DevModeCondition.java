package org.trilateral.exchange.dev;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Development mode is on only when asked for explicitly, {@code exchange.dev.enabled=true} (the README's run command
 * does so with the {@code dev} profile): a configuration that merely forgets its issuers does not fall into it, it
 * refuses to start ({@code SecurityConfiguration}).
 */
final class DevModeCondition implements Condition {

    /** The switch. */
    static final String PROPERTY = "exchange.dev.enabled";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind(PROPERTY, Boolean.class).orElse(false);
    }
}
