package jp.madoguchi.center.protocol;

import java.util.List;

/**
 * {@code POST /v1/sessions/{id}/issuances}: what to issue. Sending the same idempotency key again
 * returns the same documents (safe retry after a timeout); another order under the same key is
 * refused with {@link ErrorCode#IDEMPOTENCY_CONFLICT}.
 */
public record IssuanceRequest(String idempotencyKey, List<OrderItem> items) {
    public IssuanceRequest {
        Required.text(idempotencyKey, "idempotencyKey");
        items = Required.list(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an issuance needs at least one item");
        }
    }
}
