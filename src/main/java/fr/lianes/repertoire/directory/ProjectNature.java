package fr.lianes.repertoire.directory;

/**
 * The nature of an action: collection and donation of goods versus structuring actions.
 */
public enum ProjectNature {

	COLLECTION_DONATION, CONSTRUCTION_EQUIPMENT, TRAINING, INSTITUTIONAL_SUPPORT, EXCHANGE, FINANCIAL_SUPPORT, AWARENESS

}
