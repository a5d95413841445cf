package fr.lianes.repertoire.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The optional second factor: after the password, an account with a TOTP secret is signed
 * in without any role until its code is given at {@code /connexion/code}.
 */
class SecondFactor implements AuthenticationSuccessHandler {

	static final String PENDING = SecondFactor.class.getName() + ".pending";

	static final String ATTEMPTS = SecondFactor.class.getName() + ".attempts";

	static final String PENDING_ROLE = "ROLE_SECOND_FACTOR_PENDING";

	private final StaffAccounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactor(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		boolean needsCode = this.accounts.byEmail(authentication.getName())
			.map(StaffAccounts.Account::hasSecondFactor)
			.orElse(false);
		if (!needsCode) {
			response.sendRedirect(request.getContextPath() + "/moderation");
			return;
		}
		HttpSession session = request.getSession();
		session.setAttribute(PENDING, authentication);
		session.setAttribute(ATTEMPTS, 0);
		save(new UsernamePasswordAuthenticationToken(authentication.getName(), null,
				List.of(new SimpleGrantedAuthority(PENDING_ROLE))), request, response);
		response.sendRedirect(request.getContextPath() + "/connexion/code");
	}

	/** Completes the sign-in with the roles kept aside. */
	void complete(Authentication full, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		session.removeAttribute(PENDING);
		session.removeAttribute(ATTEMPTS);
		request.changeSessionId();
		save(full, request, response);
	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
