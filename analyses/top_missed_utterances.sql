-- What the chat bot does not understand: the utterances Lex missed most often, redacted (e-mail addresses and
-- digit runs as [PII]), with how many contacts said them. Candidates for new intents or sample utterances.
with missed as (
    select
        redacted_input_transcript,
        contact_id
    from {{ ref('fct_bot_turns') }}
    where is_missed_utterance
)

select
    redacted_input_transcript,
    count(*) as times_missed,
    count(distinct contact_id) as contacts
from missed
group by 1
order by 2 desc, 1 asc
limit 20
