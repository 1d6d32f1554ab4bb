package org.trilateral.exchange.dev;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.trilateral.exchange.security.SecurityProperties;

/** Development mode is on exactly when {@code exchange.security.issuers} is empty: a real deployment names its issuers. */
final class DevModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("exchange.security.issuers", Bindable.listOf(SecurityProperties.Issuer.class))
                .map(List::isEmpty)
                .orElse(true);
    }
}
