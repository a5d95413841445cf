package fr.lianes.repertoire.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's sign-in page; Spring Security handles the form it sends. */
@Controller
class SignInController {

	@GetMapping("/connexion")
	String signIn() {
		return "security/sign-in";
	}

}
