package jp.madoguchi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresStack}: skip on a laptop, fail under CI. */
public final class StackCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresStack> annotation =
                AnnotationSupport.findAnnotation(context.getElement(), RequiresStack.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no stack required");
        }
        List<String> missing = new ArrayList<>();
        for (Stack stack : annotation.get().value()) {
            stack.missing().ifPresent(missing::add);
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("stacks present");
        }
        String reason = String.join("; ", missing);
        if (underCi()) {
            throw new ExtensionConfigurationException(
                    "CI must run this integration test but its stack is missing: " + reason);
        }
        return ConditionEvaluationResult.disabled("skipped on this machine: " + reason);
    }

    static boolean underCi() {
        String env = System.getenv("CI");
        String prop = System.getProperty("madoguchi.ci");
        return "true".equalsIgnoreCase(env) || "true".equalsIgnoreCase(prop);
    }
}
