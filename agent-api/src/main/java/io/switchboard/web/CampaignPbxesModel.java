package io.switchboard.web;

import io.switchboard.gateway.call.Pbxes;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The PBX ids the campaign page offers a campaign to dial through: shown only when there are several (with one PBX
 * there is nothing to choose).
 */
@ControllerAdvice(assignableTypes = PageController.class)
class CampaignPbxesModel {

    private final ObjectProvider<Pbxes> pbxes;

    CampaignPbxesModel(ObjectProvider<Pbxes> pbxes) {
        this.pbxes = pbxes;
    }

    @ModelAttribute("campaignPbxes")
    List<String> campaignPbxes() {
        Pbxes configured = pbxes.getIfAvailable();
        return configured == null
                ? List.of()
                : configured.trunks().stream().map(Pbxes.Trunk::pbx).toList();
    }
}
