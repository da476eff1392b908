/** The very hidden sheet that holds the add-in's state in a saved file (the same name Excel uses). */
export const STATE_SHEET = 'CTG_State';
