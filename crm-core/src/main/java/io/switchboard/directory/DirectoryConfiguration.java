package io.switchboard.directory;

import io.switchboard.gateway.call.ConfiguredPbxes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
// the PBXes a user's extension may be on (switchboard.pbxes[n].id)
@EnableConfigurationProperties({DirectoryProperties.class, ConfiguredPbxes.class})
class DirectoryConfiguration {}
