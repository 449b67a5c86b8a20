package io.switchboard.setup;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SetupConfiguration {

    /** Before Spring Security's filters (order -100): in setup there is no one to authenticate. */
    @Bean
    FilterRegistrationBean<SetupRequiredFilter> setupRequiredFilter(SetupState setup) {
        FilterRegistrationBean<SetupRequiredFilter> registration =
                new FilterRegistrationBean<>(new SetupRequiredFilter(setup));
        registration.setOrder(-110);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
