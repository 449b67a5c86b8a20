// The knowledge base on the ticket page: fills its #suggested-articles section (see kb-suggestions.js).
import { ticketSuggestions } from './kb-suggestions.js';

ticketSuggestions(document.getElementById('suggested-articles'), document.getElementById('message-text'));
