package com.myagents.goals.marketing;

import java.util.List;
import java.util.Map;

import com.myagents.goals.marketing.PostBrief.Purpose;

/**
 * The sentences the template generator composes posts from, per language. Placeholders:
 * {brand}, {location}, {topic}, {theme}, {offering}.
 */
record Phrasebook(
        String language,
        Map<String, String> openingsByTone,
        Map<Purpose, List<String>> bodies,
        String offering,
        String callToAction,
        String genericHashtag) {

    static final String DEFAULT_TONE = "friendly";

    static final Phrasebook ENGLISH = new Phrasebook("en",
            Map.of("friendly", "Hi from {brand}!",
                    "professional", "{brand} update:",
                    "reassuring", "You are in good hands at {brand}.",
                    "informative", "Did you know?"),
            Map.of(Purpose.WEEKLY_POST, List.of(
                            "This week we are talking about {topic}: small, steady steps keep you and your family healthy.",
                            "{topic} matters more than most people think. Get checked early and ask us anything.",
                            "Questions about {topic}? Our team answers them every day, and early care makes a real difference."),
                    Purpose.DAILY_TIP, List.of(
                            "Today's health tip on {topic}: one small habit, repeated daily, protects your health.",
                            "Quick tip about {topic}: notice the early signs and talk to a professional sooner rather than later.",
                            "{topic}, in one line: prevention is simpler than cure."),
                    Purpose.CAMPAIGN_POST, List.of(
                            "{theme}: this month we focus on {topic}. Join us and take one step for your health.",
                            "{theme} continues. This week: {topic}, what to know and when to see a doctor.",
                            "Part of {theme}: {topic}. Simple checks today avoid worries tomorrow.")),
            "{brand} in {location} offers {offering}.",
            "Book your visit today.",
            "#HealthTips");

    static final Phrasebook HINDI = new Phrasebook("hi",
            Map.of("friendly", "{brand} की ओर से नमस्ते!",
                    "professional", "{brand} की जानकारी:",
                    "reassuring", "{brand} में आप सुरक्षित हाथों में हैं।",
                    "informative", "क्या आप जानते हैं?"),
            Map.of(Purpose.WEEKLY_POST, List.of(
                            "इस सप्ताह का विषय है {topic}: छोटे-छोटे नियमित कदम आपको और आपके परिवार को स्वस्थ रखते हैं।",
                            "{topic} जितना लगता है उससे ज़्यादा ज़रूरी है। समय पर जाँच करवाएँ और हमसे पूछें।",
                            "{topic} के बारे में सवाल हैं? हमारी टीम हर दिन जवाब देती है, और जल्दी इलाज से बड़ा फ़र्क पड़ता है।"),
                    Purpose.DAILY_TIP, List.of(
                            "आज का स्वास्थ्य सुझाव, {topic}: रोज़ की एक छोटी आदत आपकी सेहत की रक्षा करती है।",
                            "{topic} पर छोटा सुझाव: शुरुआती लक्षण पहचानें और समय पर विशेषज्ञ से बात करें।",
                            "{topic}, एक पंक्ति में: बचाव इलाज से आसान है।"),
                    Purpose.CAMPAIGN_POST, List.of(
                            "{theme}: इस महीने हमारा ध्यान {topic} पर है। हमारे साथ जुड़ें और अपनी सेहत के लिए एक कदम उठाएँ।",
                            "{theme} जारी है। इस सप्ताह: {topic}, क्या जानें और डॉक्टर को कब दिखाएँ।",
                            "{theme} का हिस्सा: {topic}। आज की छोटी जाँच कल की चिंता से बचाती है।")),
            "{location} में {brand} पर {offering} उपलब्ध है।",
            "आज ही अपॉइंटमेंट बुक करें।",
            "#HealthTips");

    /** The phrasebook of a language; languages without one are written in English. */
    static Phrasebook forLanguage(String language) {
        return "hi".equals(language) ? HINDI : ENGLISH;
    }

    String opening(String tone) {
        return openingsByTone.getOrDefault(tone, openingsByTone.get(DEFAULT_TONE));
    }

    String body(Purpose purpose, int sequence) {
        List<String> options = bodies.get(purpose);
        return options.get(Math.floorMod(sequence, options.size()));
    }
}
