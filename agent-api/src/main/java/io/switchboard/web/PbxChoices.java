package io.switchboard.web;

import io.switchboard.gateway.call.ConfiguredPbxes;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The configured PBXes' ids for the pages ({@code pbxes}): the users page offers them for a user's extension, and
 * only when there are several, so an installation with one PBX sees its pages as before.
 */
@ControllerAdvice(assignableTypes = PageController.class)
class PbxChoices {

    private final ConfiguredPbxes pbxes;

    PbxChoices(ObjectProvider<ConfiguredPbxes> pbxes) {
        this.pbxes = pbxes.getIfAvailable(ConfiguredPbxes::single);
    }

    @ModelAttribute("pbxes")
    List<String> pbxes() {
        return pbxes.ids();
    }
}
