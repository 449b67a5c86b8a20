package io.switchboard.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: the items and where they are in the whole. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> map) {
        return new PageResponse<>(
                page.getContent().stream().map(map).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements(),
                page.getTotalPages());
    }
}
