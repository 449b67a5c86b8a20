package io.switchboard.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter given twice ({@code ?step=day&step=hour}) where the API takes one value: Spring would
 * silently keep the first (or join them with commas), so the client would get an answer to a question it did not
 * ask. A 400 problem names the parameter. Parameters that take several values ({@code Set}, {@code List}, arrays,
 * such as the workbench's {@code status}) are left alone.
 */
@Configuration
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && request.getQueryString() != null) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                if (annotation != null && !takesSeveral(parameter.getParameterType())) {
                    String name = name(annotation, parameter);
                    String[] values = name == null ? null : request.getParameterValues(name);
                    if (values != null && values.length > 1) {
                        throw InvalidRequestException.of(
                                name, "must be given once (it was given " + values.length + " times)");
                    }
                }
            }
        }
        return true;
    }

    private static boolean takesSeveral(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    private static String name(RequestParam annotation, MethodParameter parameter) {
        if (!annotation.name().isEmpty()) {
            return annotation.name();
        }
        parameter.initParameterNameDiscovery(NAMES);
        return parameter.getParameterName();
    }
}
