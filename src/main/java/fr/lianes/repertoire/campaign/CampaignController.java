package fr.lianes.repertoire.campaign;

import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import fr.lianes.repertoire.campaign.MailingBatches.Requested;
import fr.lianes.repertoire.census.Campaign;
import fr.lianes.repertoire.census.Campaigns;
import fr.lianes.repertoire.directory.EntryLookups;
import fr.lianes.repertoire.web.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaigns' pages, for administrators: the list with response rates, the form that
 * opens one, and each campaign's page, from which invitations and reminders are sent and
 * where their progress and report show. The progress part refreshes itself with htmx (the
 * same address, asked with {@code HX-Request}); without JavaScript a link reloads the
 * page.
 */
@Controller
@RequestMapping("/moderation/administration/campagnes")
class CampaignController {

	private static final String BASE = "/moderation/administration/campagnes";

	private final Campaigns campaigns;

	private final CampaignRates rates;

	private final MailingRunner runner;

	private final CampaignProgress progress;

	private final MailingBatches batches;

	private final CampaignProperties properties;

	private final EntryLookups lookups;

	CampaignController(Campaigns campaigns, CampaignRates rates, MailingRunner runner, CampaignProgress progress,
			MailingBatches batches, CampaignProperties properties, EntryLookups lookups) {
		this.lookups = lookups;
		this.campaigns = campaigns;
		this.rates = rates;
		this.runner = runner;
		this.progress = progress;
		this.batches = batches;
		this.properties = properties;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("campaigns", this.rates.all());
		return "moderation/campaigns/list";
	}

	@GetMapping("/nouvelle")
	String newCampaign(Model model) {
		model.addAttribute("form", CampaignForm.proposal(this.batches.today()));
		return "moderation/campaigns/form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult result, RedirectAttributes redirect) {
		Optional<CampaignForm.NewCampaign> campaign = form.check(result, this.batches.today(),
				this.campaigns.latestOpening(), this.campaigns::nameTaken);
		if (campaign.isEmpty() || result.hasErrors()) {
			return "moderation/campaigns/form";
		}
		CampaignForm.NewCampaign opened = campaign.get();
		int id;
		try {
			id = this.campaigns.open(opened.name(), opened.opensOn(), opened.closesOn(), opened.asOf());
		}
		catch (DuplicateKeyException ex) {
			result.rejectValue("name", "campaign.error.name.taken");
			return "moderation/campaigns/form";
		}
		notice(redirect, "campaign.notice.created", opened.name());
		return "redirect:" + BASE + "/" + id;
	}

	/** The whole page, or only its progress part when htmx asks for it. */
	@GetMapping("/{id}")
	String show(@PathVariable int id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, Model model) {
		CampaignRates.Rates rates = this.rates.rates(id).orElseThrow(NotFoundException::new);
		response.setHeader("Vary", "HX-Request");
		model.addAttribute("campaign", rates.campaign());
		model.addAttribute("report", this.progress.of(id));
		model.addAttribute("reportLimit", CampaignProgress.REPORT_LIMIT);
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.refreshInterval().toSeconds()));
		if ("true".equals(htmx)) {
			return "moderation/campaigns/campaign :: progress";
		}
		model.addAttribute("rates", rates);
		model.addAttribute("open", this.batches.isOpenNow(id));
		// active actors no invitation can reach
		model.addAttribute("withoutAddress", this.lookups.countActiveWithoutAddress());
		return "moderation/campaigns/campaign";
	}

	@PostMapping("/{id}/invitations")
	String invite(@PathVariable int id, @RequestParam(name = "enVeille", defaultValue = "false") boolean dormant,
			Principal staff, RedirectAttributes redirect) {
		return request(id, MailingKind.INVITATION, dormant, staff, redirect);
	}

	@PostMapping("/{id}/relances")
	String remind(@PathVariable int id, Principal staff, RedirectAttributes redirect) {
		return request(id, MailingKind.REMINDER, false, staff, redirect);
	}

	/** Takes up a mailing that an error stopped. */
	@PostMapping("/{id}/reprise")
	String resume(@PathVariable int id, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.find(id).orElseThrow(NotFoundException::new);
		this.progress.of(campaign.id())
			.mailings()
			.stream()
			.filter(CampaignProgress.MailingProgress::interrupted)
			.forEach((m) -> this.runner.resume(m.mailing().id()));
		notice(redirect, "campaign.notice.resumed", null);
		return "redirect:" + BASE + "/" + id;
	}

	private String request(int id, MailingKind kind, boolean dormant, Principal staff, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.find(id).orElseThrow(NotFoundException::new);
		Requested requested = this.runner.request(campaign, kind, dormant, staff.getName());
		switch (requested.start()) {
			case STARTED -> notice(redirect,
					(kind == MailingKind.INVITATION) ? "campaign.notice.invitations" : "campaign.notice.reminders",
					requested.planned());
			case NOTHING_TO_SEND -> notice(redirect, (kind == MailingKind.INVITATION)
					? "campaign.notice.nobody-to-invite" : "campaign.notice.nobody-to-remind", null);
			case ALREADY_RUNNING -> notice(redirect, "campaign.notice.already-running", null);
			case NOT_OPEN -> notice(redirect, "campaign.notice.not-open", null);
		}
		return "redirect:" + BASE + "/" + id;
	}

	private static void notice(RedirectAttributes redirect, String key, Object argument) {
		redirect.addFlashAttribute("campaignNotice", key);
		redirect.addFlashAttribute("campaignNoticeArg", argument);
	}

}
