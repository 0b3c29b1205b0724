package jp.madoguchi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs against real system stacks. On a developer machine without them the
 * test is skipped with a hint; under {@code CI=true} a missing stack fails the test, so CI can
 * never pass by skipping the integration tests.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StackCondition.class)
public @interface RequiresStack {
    Stack[] value();
}
