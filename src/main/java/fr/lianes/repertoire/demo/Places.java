package fr.lianes.repertoire.demo;

import java.util.List;

/**
 * Partner countries and real towns abroad. The weights of the first thirty follow the
 * order of context/000 (Sénégal first with 126 actors, then Burkina Faso, Mali, Maroc,
 * Togo...); the long tail gives the ~120 countries of the real directory.
 */
final class Places {

	/**
	 * A partner country.
	 * 
	 * @param iso2 ISO 3166-1 alpha-2 code, looked up in the country table at run time
	 * @param weight relative number of regional actors working with it
	 * @param people plural demonym for migrants' associations, or null
	 * @param towns real towns, the first ones the most frequent partners
	 */
	record Partner(String iso2, double weight, String people, List<String> towns) {

	}

	static final List<Partner> MAIN = List.of(
			p("SN", 118, "sénégalais", "Saint-Louis", "Matam", "Thiès", "Ziguinchor", "Kaolack", "Podor", "Louga",
					"Tambacounda", "Kédougou", "Fatick", "Bakel", "Dakar"),
			p("BF", 85, "burkinabè", "Ouagadougou", "Bobo-Dioulasso", "Koudougou", "Ouahigouya", "Kaya",
					"Fada N'Gourma", "Dédougou", "Banfora", "Tenkodogo", "Gaoua"),
			p("ML", 78, "maliens", "Kayes", "Bamako", "Ségou", "Kita", "Mopti", "Sikasso", "Nioro du Sahel", "Yélimané",
					"Bafoulabé", "Diéma"),
			p("MA", 66, "marocains", "Sidi Ifni", "Safi", "El Jadida", "Essaouira", "Marrakech", "Agadir", "Ouarzazate",
					"Tiznit", "Taroudant", "Oujda"),
			p("TG", 55, "togolais", "Lomé", "Kpalimé", "Atakpamé", "Sokodé", "Kara", "Dapaong", "Tsévié", "Aného"),
			p("CM", 50, "camerounais", "Douala", "Yaoundé", "Bafoussam", "Dschang", "Garoua", "Maroua", "Bamenda",
					"Foumban"),
			p("MG", 48, "malgaches", "Fénérive-Est", "Toamasina", "Antananarivo", "Fianarantsoa", "Antsirabe",
					"Mahajanga", "Sainte-Marie", "Maroantsetra", "Mananara"),
			p("BJ", 45, "béninois", "Tanguiéta", "Natitingou", "Parakou", "Abomey", "Porto-Novo", "Cotonou", "Djougou",
					"Ouidah", "Kandi", "Bohicon"),
			p("NE", 35, "nigériens", "Niamey", "Zinder", "Maradi", "Agadez", "Tahoua", "Dosso", "Tillabéri"),
			p("GN", 33, "guinéens", "Conakry", "Kindia", "Labé", "Kankan", "Mamou", "Boké", "N'Zérékoré"),
			p("CI", 30, "ivoiriens", "Abidjan", "Bouaké", "Yamoussoukro", "Korhogo", "Daloa", "San-Pédro", "Man"),
			p("CD", 28, "congolais", "Kinshasa", "Lubumbashi", "Bukavu", "Goma", "Kisangani", "Mbandaka"),
			p("HT", 25, "haïtiens", "Port-au-Prince", "Jacmel", "Hinche", "Cap-Haïtien", "Gonaïves", "Jérémie"),
			p("DZ", 24, "algériens", "Alger", "Oran", "Constantine", "Béjaïa", "Tizi Ouzou", "Sétif", "Tlemcen"),
			p("TN", 22, "tunisiens", "Tunis", "Sfax", "Sousse", "Kairouan", "Gabès", "Bizerte", "Tozeur"),
			p("VN", 20, "vietnamiens", "Hanoï", "Hô Chi Minh-Ville", "Huế", "Da Nang", "Hải Phòng", "Cần Thơ"),
			p("IN", 18, null, "Pondichéry", "Calcutta", "Chennai", "Bombay", "Madurai", "Bangalore"),
			p("BR", 17, "brésiliens", "Belo Horizonte", "Itabira", "São Paulo", "Recife", "Salvador", "Fortaleza"),
			p("PL", 16, "polonais", "Katowice", "Cracovie", "Gliwice", "Wrocław", "Varsovie", "Bytom"),
			p("RO", 15, "roumains", "Bucarest", "Cluj-Napoca", "Iași", "Timișoara", "Sibiu", "Brașov"),
			p("UA", 15, "ukrainiens", "Dnipro", "Kyiv", "Lviv", "Kryvyï Rih", "Kharkiv", "Odessa"),
			p("PS", 14, "palestiniens", "Naplouse", "Ramallah", "Bethléem", "Hébron", "Gaza", "Jénine"),
			p("LB", 13, "libanais", "Beyrouth", "Tripoli", "Saïda", "Tyr", "Baalbek"),
			p("PE", 12, null, "Lima", "Cuzco", "Arequipa", "Ayacucho", "Puno"),
			p("BO", 11, null, "La Paz", "Cochabamba", "Sucre", "Potosí", "El Alto"),
			p("KH", 11, "cambodgiens", "Phnom Penh", "Siem Reap", "Battambang", "Kampot"),
			p("KM", 10, "comoriens", "Moroni", "Mutsamudu", "Fomboni", "Mitsamiouli"),
			p("MR", 10, "mauritaniens", "Nouakchott", "Kaédi", "Sélibaby", "Rosso", "Atar"),
			p("TD", 9, "tchadiens", "N'Djaména", "Moundou", "Abéché", "Sarh"),
			p("CG", 9, "congolais", "Brazzaville", "Pointe-Noire", "Dolisie"));

	/** The long tail: one or two real towns each, all with the same small weight. */
	static final List<Partner> TAIL = tail("GA Libreville", "CF Bangui", "RW Kigali|Butare", "BI Bujumbura|Gitega",
			"GH Accra|Kumasi", "NG Lagos|Ibadan", "ET Addis-Abeba|Gondar", "KE Nairobi|Kisumu", "TZ Arusha|Moshi",
			"UG Kampala|Gulu", "ZA Soweto|Durban", "MZ Maputo|Beira", "AO Luanda", "CV Praia|Mindelo", "GW Bissau",
			"GM Banjul", "SL Freetown", "LR Monrovia", "DJ Djibouti", "SD Khartoum", "EG Alexandrie|Assouan",
			"ZM Lusaka", "ZW Harare", "MW Lilongwe", "MU Port-Louis", "ST São Tomé", "NA Windhoek", "BW Gaborone",
			"SS Juba", "LS Maseru", "CO Bogotá|Medellín", "EC Quito|Cuenca", "CL Santiago|Valparaíso",
			"AR Buenos Aires|Rosario", "NI Managua|León", "GT Quetzaltenango", "HN Tegucigalpa", "SV San Salvador",
			"MX Oaxaca|Chiapas", "CU La Havane", "DO Saint-Domingue", "PY Asunción", "UY Montevideo", "VE Caracas",
			"CR San José", "PA Panamá", "CA Montréal|Québec", "LA Luang Prabang|Vientiane", "TH Chiang Mai",
			"PH Manille|Cebu", "ID Yogyakarta", "NP Katmandou|Pokhara", "BD Dacca", "LK Colombo|Kandy", "PK Lahore",
			"AF Kaboul", "MN Oulan-Bator", "CN Kunming|Shanghai", "MM Rangoun", "TL Dili", "JO Amman", "SY Alep",
			"IQ Erbil", "AM Erevan|Gyumri", "GE Tbilissi", "TR Istanbul|Izmir", "YE Sanaa", "KZ Almaty", "KG Bichkek",
			"UZ Samarcande", "TJ Douchanbé", "JP Kobe", "DE Dortmund|Düsseldorf", "BE Tournai|Mons", "GB Canterbury",
			"IT Turin", "ES Barcelone|Séville", "PT Porto|Braga", "CZ Ostrava", "SK Košice", "HU Pécs", "BG Plovdiv",
			"LT Kaunas", "LV Riga", "EE Tartu", "SI Maribor", "HR Zagreb", "BA Sarajevo|Tuzla", "RS Novi Sad",
			"AL Tirana", "MK Skopje", "MD Chișinău", "RU Saint-Pétersbourg", "ME Podgorica", "GR Thessalonique",
			"IE Cork", "NL Rotterdam", "VU Port-Vila", "FJ Suva", "PG Port Moresby", "IL Haïfa", "IR Ispahan",
			"AZ Bakou", "BY Minsk", "SZ Mbabane");

	/** Countries of migrants' associations: mostly West and North Africa, the Comoros. */
	static final List<String> MIGRANT_ORIGINS = List.of("ML", "SN", "MA", "DZ", "KM", "CM", "CD", "TG", "CI", "GN",
			"MR", "BF", "TN", "HT", "BJ", "CG", "MG", "NE", "VN", "TD", "RO", "PL", "LB", "KH", "UA", "PS");

	static final double TAIL_WEIGHT = 1.7;

	private Places() {
	}

	private static Partner p(String iso2, double weight, String people, String... towns) {
		return new Partner(iso2, weight, people, List.of(towns));
	}

	private static List<Partner> tail(String... entries) {
		return java.util.Arrays.stream(entries).map((entry) -> {
			String[] parts = entry.split(" ", 2);
			return new Partner(parts[0], TAIL_WEIGHT, null, List.of(parts[1].split("\\|")));
		}).toList();
	}

}
