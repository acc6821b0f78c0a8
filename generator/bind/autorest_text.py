"""The text helpers autorest.powershell names cmdlets with, rule for rule.

From `@azure-tools/codegen` (Azure/autorest `packages/libs/codegen/src/text-manipulation.ts`):
`deconstruct`, `pascal_case`, `remove_sequential_duplicates`, `fix_leading_number`, the acronyms that
`capitalize` upper-cases; from its `formatter/formatter.ts`: the `Style.pascal` / `Style.camel` that
modelerfour names operations and parameters with (upper-case words of up to three letters kept); from
its `pluralization.ts` (a port of Entity Framework's EnglishPluralizationService): `singularize`.
JavaScript's regular expressions are ASCII-only (`\\W`, `\\b`), so these are too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable, Sequence

_ACRONYMS = frozenset({"ip", "os", "ms", "vm"})

_CAMEL_BREAK = re.compile(r"([a-z]+)([A-Z])", re.ASCII)
_DIGIT_BREAK = re.compile(r"(\d+)([a-z|A-Z]+)", re.ASCII)
_UPPER_BREAK = re.compile(r"\b([A-Z]+)([A-Z])([a-z])", re.ASCII)
_SEPARATORS = re.compile(r"[\W|_]+", re.ASCII)


def capitalize(word: str) -> str:
    """`String.prototype.capitalize`: ip/os/ms/vm become IP/OS/MS/VM, anything else gets a capital."""
    if word in _ACRONYMS:
        return word.upper()
    return word[:1].upper() + word[1:]


def deconstruct(identifier: str | Iterable[str]) -> list[str]:
    """`AppleMDMDevice` → [apple, mdm, device]: split at case changes, digits and separators; lower case."""
    if not isinstance(identifier, str):
        return [word for each in identifier for word in deconstruct(each)]
    text = _CAMEL_BREAK.sub(r"\1 \2", identifier)
    text = _DIGIT_BREAK.sub(r"\1 \2", text)
    text = _UPPER_BREAK.sub(r"\1 \2\3", text, count=1)  # JavaScript's replace without /g: the first only
    return [each.lower() for each in _SEPARATORS.split(text)]


def _same(a: str | None, b: str | None) -> bool:
    """`isEqual`: localeCompare with sensitivity 'base' (case and accents ignored)."""
    if a is None or b is None or not a:
        return False
    return _base(a) == _base(b)


def _base(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def remove_sequential_duplicates(identifier: Iterable[str]) -> list[str]:
    """Drop empty words, a word equal to the one before, and a pair equal to the pair before."""
    ids = [each for each in identifier if each]

    def at(index: int) -> str | None:  # JavaScript answers `undefined` outside the array
        return ids[index] if 0 <= index < len(ids) else None

    i = 0
    while i < len(ids):
        while i < len(ids) and _same(at(i), at(i - 1)):
            del ids[i]
        while i < len(ids) and _same(at(i), at(i - 2)) and _same(at(i + 1), at(i - 1)):
            del ids[i : i + 2]
        i += 1
    return ids


_ONES = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_MAGNITUDES = (
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
    "septillion",
    "octillion",
)


def number_words(number: int) -> list[str]:
    """codegen's `convert`: 42 → [forty, two]; its comparisons are strict (1000 → ten hundred), kept so."""
    if not number:
        return ["zero"]
    if number > 10**30:
        return ["lots"]
    words: list[str] = []
    if number > 999:
        for index in range(len(_MAGNITUDES) - 1, -1, -1):
            scale = 10 ** (3 * (index + 1))
            if number > scale:
                words.extend(number_words(number // scale))
                words.append(_MAGNITUDES[index])
                number %= scale
    if number > 99:
        words.extend([_ONES[number // 100], "hundred"])
        number %= 100
    if number > 19:
        words.append(_TENS[number // 10])
        number %= 10
    if number:
        words.append(_ONES[number])
    return words


def fix_leading_number(words: Sequence[str]) -> list[str]:
    leading = re.match(r"\d+", words[0], re.ASCII) if words else None
    if leading is None:
        return list(words)
    return [*number_words(int(leading.group(0))), *words[1:]]


def pascal_case(identifier: str | Sequence[str], remove_duplicates: bool = True) -> str:
    if isinstance(identifier, str):
        return pascal_case(fix_leading_number(deconstruct(identifier)), remove_duplicates)
    words = remove_sequential_duplicates(identifier) if remove_duplicates else list(identifier)
    return "".join(capitalize(each) for each in words)


# -- modelerfour's styles (formatter.ts): upper-case words of up to `preserve` letters survive --------

_STYLE_PLURAL_UPPER = re.compile(r"\b([A-Z]+)([A-Z])s([^a-z])(.*)", re.ASCII)
_STYLE_UPPER = re.compile(r"\b([A-Z]+)([A-Z])([a-z]+)", re.ASCII)


def _fully_upper(word: str, preserve: int) -> bool:
    if len(word) > 1:
        if len(word) <= preserve and word == word.upper():
            return True
        if len(word) <= preserve + 1 and word.endswith("s") and word[:-1] == word[:-1].upper():
            return True
    return False


def _style_words(identifier: str, preserve: int) -> list[str]:
    text = _CAMEL_BREAK.sub(r"\1 \2", identifier)
    text = re.sub(r"(\d+)", r" \1 ", text)
    text = _STYLE_PLURAL_UPPER.sub("\\1\\2\u00ab \\3\\4", text)
    text = _STYLE_UPPER.sub(r"\1 \2\3", text)
    text = text.replace("\u00ab", "s").strip()
    return [w if _fully_upper(w, preserve) else w.lower() for w in _SEPARATORS.split(text)]


def _style_normalize(identifier: str, preserve: int) -> list[str]:
    if not identifier:
        return [""]
    return remove_sequential_duplicates(fix_leading_number(_style_words(identifier, preserve)))


@lru_cache(maxsize=65536)  # pure, and asked again for every variant of an operation
def style_pascal(identifier: str, preserve: int = 3) -> str:
    """modelerfour's operation names (`Style.pascal`): `listByResourceGroup` → `ListByResourceGroup`."""
    return "".join(w[:1].upper() + w[1:] for w in _style_normalize(identifier, preserve))


@lru_cache(maxsize=65536)  # pure, and asked again for every variant of an operation
def style_camel(identifier: str, preserve: int = 3) -> str:
    """modelerfour's parameter names (`Style.camel`): `activedirectory_id` → `activedirectoryId`."""
    words = _style_normalize(identifier, preserve)
    out = []
    for index, word in enumerate(words):
        if index:
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word if _fully_upper(word, preserve) else word[:1].lower() + word[1:])
    return "".join(out)


# -- singularisation (pluralization.ts, the singular direction only) ----------------------------------


def _pairs(text: str) -> dict[str, str]:
    """ "ox:oxen child:children" → plural → singular."""
    found: dict[str, str] = {}
    for pair in text.split():
        singular, plural = pair.split(":")
        found[plural] = singular  # as StringBidirectionalDictionary: the last pair with a plural wins
    return found


_USER_WORDS = _pairs("database:databases premise:premises")
_PRONOUNS = frozenset(
    "i we you he she they it me us him her them myself ourselves yourself himself herself itself oneself "
    "oneselves my our your his their its mine yours hers theirs this that these those all another any anybody "
    "anyone anything both each other either everyone everybody everything most much nothing nobody none one "
    "others some somebody someone something what whatever which whichever who whoever whom whomever whose".split()
)
_UNINFLECTIVE_SUFFIXES = ("fish", "ois", "sheep", "deer", "pos", "itis", "ism")
_UNINFLECTIVE_WORDS = frozenset(
    "bison flounder pliers bream gallows proceedings breeches graffiti rabies britches headquarters salmon carp "
    "scissors high-jinks sea-bass clippers homework series cod innings shears contretemps jackanapes species corps "
    "mackerel swine debris measles trout diabetes mews tuna djinn mumps whiting eland news wildebeest elk pincers "
    "police hair ice chaos milk cotton pneumonoultramicroscopicsilicovolcanoconiosis information aircraft scabies "
    "traffic corn millet rice hay tobacco cabbage okra broccoli asparagus lettuce beef pork venison mutton cattle "
    "offspring molasses shambles shingles https sas statuses as statistics alias dns ms os vmss acls rights "
    "credentials ddos media gbps kbps mbps bps fips".split()
)
_IRREGULAR_VERBS = _pairs("am:are are:are is:are was:were were:were has:have have:have")
_IRREGULAR_PLURALS = _pairs(
    "brother:brothers child:children cow:cows ephemeris:ephemerides genie:genies money:moneys mongoose:mongooses "
    "mythos:mythoi octopus:octopuses ox:oxen soliloquy:soliloquies trilby:trilbys crisis:crises synopsis:synopses "
    "rose:roses gas:gases bus:buses axis:axes memo:memos casino:casinos silo:silos stereo:stereos studio:studios "
    "lens:lenses alias:aliases pie:pies corpus:corpora viscus:viscera hippopotamus:hippopotami trace:traces "
    "person:people chili:chilies analysis:analyses basis:bases neurosis:neuroses oasis:oases synthesis:syntheses "
    "thesis:theses change:changes lie:lies calorie:calories freebie:freebies case:cases house:houses valve:valves "
    "cloth:clothes tie:ties movie:movies bonus:bonuses specimen:specimens"
)
_ASSIMILATED_CLASSICAL = _pairs(
    "alumna:alumnae alga:algae vertebra:vertebrae codex:codices murex:murices silex:silices aphelion:aphelia "
    "hyperbaton:hyperbata perihelion:perihelia asyndeton:asyndeta noumenon:noumena phenomenon:phenomena "
    "criterion:criteria organon:organa prolegomenon:prolegomena agendum:agenda extremum:extrema bacterium:bacteria "
    "desideratum:desiderata stratum:strata candelabrum:candelabra erratum:errata ovum:ova forum:fora "
    "addendum:addenda stadium:stadia automaton:automata polyhedron:polyhedra"
)
_O_SUFFIX = _pairs(
    "albino:albinos generalissimo:generalissimos manifesto:manifestos archipelago:archipelagos ghetto:ghettos "
    "medico:medicos armadillo:armadillos guano:guanos octavo:octavos commando:commandos inferno:infernos "
    "photo:photos ditto:dittos jumbo:jumbos pro:pros dynamo:dynamos lingo:lingos quarto:quartos embryo:embryos "
    "lumbago:lumbagos rhino:rhinos fiasco:fiascos magneto:magnetos stylo:stylos"
)
_CLASSICAL = _pairs(
    "stamen:stamina foramen:foramina lumen:lumina anathema:anathemata oedema:oedemata bema:bemata enigma:enigmata "
    "sarcoma:sarcomata carcinoma:carcinomata gumma:gummata schema:schemata charisma:charismata lemma:lemmata "
    "soma:somata diploma:diplomata lymphoma:lymphomata stigma:stigmata dogma:dogmata magma:magmata stoma:stomata "
    "drama:dramata melisma:melismata trauma:traumata edema:edemata miasma:miasmata abscissa:abscissae "
    "formula:formulae medusa:medusae amoeba:amoebae hydra:hydrae nebula:nebulae antenna:antennae "
    "hyperbola:hyperbolae nova:novae aurora:aurorae lacuna:lacunae parabola:parabolae apex:apices latex:latices "
    "vertex:vertices cortex:cortices pontifex:pontifices vortex:vortices index:indices simplex:simplices "
    "iris:irides alto:alti contralto:contralti soprano:soprani crescendo:crescendi tempo:tempi canto:canti "
    "solo:soli aquarium:aquaria interregnum:interregna quantum:quanta compendium:compendia lustrum:lustra "
    "rostrum:rostra consortium:consortia maximum:maxima spectrum:spectra cranium:crania medium:media "
    "speculum:specula curriculum:curricula memorandum:memoranda stadium:stadia dictum:dicta millenium:millenia "
    "emporium:emporia minimum:minima ultimatum:ultimata enconium:enconia momentum:momenta vacuum:vacua "
    "gymnasium:gymnasia optimum:optima velum:vela honorarium:honoraria phylum:phyla focus:foci nimbus:nimbi "
    "succubus:succubi fungus:fungi nucleolus:nucleoli torus:tori genius:genii radius:radii umbilicus:umbilici "
    "incubus:incubi stylus:styli uterus:uteri stimulus:stimuli apparatus:apparatus impetus:impetus "
    "prospectus:prospectus cantus:cantus nexus:nexus sinus:sinus coitus:coitus plexus:plexus status:status "
    "hiatus:hiatus afreet:afreeti afrit:afriti efreet:efreeti cherub:cherubim goy:goyim seraph:seraphim "
    "alumnus:alumni"
)
_ENDING_SE = _pairs(
    "house:houses case:cases enterprise:enterprises purchase:purchases surprise:surprises release:releases "
    "disease:diseases promise:promises refuse:refuses whose:whoses phase:phases noise:noises nurse:nurses "
    "rose:roses franchise:franchises supervise:supervises farmhouse:farmhouses suitcase:suitcases "
    "recourse:recourses impulse:impulses license:licenses diocese:dioceses excise:excises demise:demises "
    "blouse:blouses bruise:bruises misuse:misuses curse:curses prose:proses purse:purses goose:gooses "
    "tease:teases poise:poises vase:vases fuse:fuses muse:muses slaughterhouse:slaughterhouses "
    "clearinghouse:clearinghouses endonuclease:endonucleases steeplechase:steeplechases "
    "metamorphose:metamorphoses commonsense:commonsenses intersperse:intersperses merchandise:merchandises "
    "phosphatase:phosphatases summerhouse:summerhouses watercourse:watercourses catchphrase:catchphrases "
    "compromise:compromises greenhouse:greenhouses lighthouse:lighthouses paraphrase:paraphrases "
    "mayonnaise:mayonnaises apocalypse:apocalypses courthouse:courthouses powerhouse:powerhouses "
    "storehouse:storehouses glasshouse:glasshouses hypotenuse:hypotenuses peroxidase:peroxidases "
    "pillowcase:pillowcases roundhouse:roundhouses streetwise:streetwises expertise:expertises "
    "discourse:discourses warehouse:warehouses staircase:staircases workhouse:workhouses briefcase:briefcases "
    "clubhouse:clubhouses clockwise:clockwises concourse:concourses playhouse:playhouses turquoise:turquoises "
    "boathouse:boathouses cellulose:celluloses epitomise:epitomises gatehouse:gatehouses grandiose:grandioses "
    "menopause:menopauses penthouse:penthouses transpose:transposes almshouse:almshouses customise:customises "
    "footloose:footlooses galvanise:galvanises princesse:princesses universe:universes workhorse:workhorses "
    "response:responses phrase:phrases"
)
_ENDING_SIS = _pairs(
    "analysis:analyses crisis:crises basis:bases atherosclerosis:atheroscleroses electrophoresis:electrophoreses "
    "psychoanalysis:psychoanalyses photosynthesis:photosyntheses amniocentesis:amniocenteses "
    "metamorphosis:metamorphoses toxoplasmosis:toxoplasmoses endometriosis:endometrioses "
    "tuberculosis:tuberculoses pathogenesis:pathogeneses osteoporosis:osteoporoses parenthesis:parentheses "
    "anastomosis:anastomoses peristalsis:peristalses hypothesis:hypotheses antithesis:antitheses "
    "apotheosis:apotheoses thrombosis:thromboses diagnosis:diagnoses synthesis:syntheses paralysis:paralyses "
    "prognosis:prognoses cirrhosis:cirrhoses sclerosis:scleroses psychosis:psychoses apoptosis:apoptoses "
    "symbiosis:symbioses redis:redis"
)
_ENDING_SUS = _pairs("consensus:consensuses census:censuses status:statuses")
_ENDING_INX = _pairs("sphinx:sphinxes larynx:larynges lynx:lynxes pharynx:pharynxes phalanx:phalanxes")

# The words known to be singular already: every dictionary's singular side, but the few plurals the
# source lists as "conflicting" (they/them/their/have/were/yourself/are).
_CONFLICTING = frozenset({"they", "them", "their", "have", "were", "yourself", "are"})
_KNOWN_SINGULAR = frozenset(
    word
    for table in (
        _IRREGULAR_PLURALS, _ASSIMILATED_CLASSICAL, _O_SUFFIX, _CLASSICAL, _ENDING_SE, _ENDING_SIS, _ENDING_SUS,
        _ENDING_INX,
    )
    for word in table.values()
) | (frozenset({"am", "are", "is", "was", "were", "has", "have"}) - _CONFLICTING)  # fmt: skip

# (suffixes, how many letters to cut, what to add): the ordered suffix rules of internalSingularize
# between the dictionaries.
_EARLY_RULES: tuple[tuple[tuple[str, ...], int, str], ...] = (
    (("men",), 2, "an"),
    (("lice", "mice"), 3, "ouse"),
    (("teeth",), 4, "ooth"),
    (("geese",), 4, "oose"),
    (("feet",), 3, "oot"),
    (("zoa",), 2, "oon"),
    (("ches", "shes", "sses"), 2, ""),
)


def _is_no_op(word: str) -> bool:
    alphabetic = word != "" and word == word.strip() and re.search(r"[^a-zA-Z\\s]", word) is None
    return not alphabetic or len(word) <= 1 or word.lower() in _PRONOUNS


def _is_uninflective(word: str) -> bool:
    lower = word.lower()
    return (
        lower.endswith(_UNINFLECTIVE_SUFFIXES)
        or (lower != word and word.endswith("ese"))
        or lower in _UNINFLECTIVE_WORDS
    )


def _singular_word(word: str) -> str:
    if word in _USER_WORDS:
        return _USER_WORDS[word]
    if _is_no_op(word):
        return word
    # getSuffixWord: only the part after the last space inflects.
    space = word.rfind(" ")
    prefix, suffix = word[: space + 1], word[space + 1 :]
    lower = suffix.lower()
    if _is_no_op(suffix) or _is_uninflective(suffix) or lower in _KNOWN_SINGULAR:
        return prefix + suffix
    for table in (_IRREGULAR_VERBS, _IRREGULAR_PLURALS, _ENDING_SIS, _ENDING_SE, _ENDING_SUS):
        if suffix in table:
            return prefix + table[suffix]
    for suffixes, cut, add in _EARLY_RULES:
        if lower.endswith(suffixes):
            return prefix + suffix[:-cut] + add
    for table in (_ASSIMILATED_CLASSICAL, _CLASSICAL):
        if suffix in table:
            return prefix + table[suffix]
    if lower.endswith("trices"):
        return prefix + suffix[:-3] + "x"
    if lower.endswith(("eaux", "ieux")):
        return prefix + suffix[:-1]
    if suffix in _ENDING_INX:
        return prefix + _ENDING_INX[suffix]
    if lower.endswith(("alves", "elves", "olves", "eaves", "arves")):
        return prefix + suffix[:-3] + "f"
    if lower.endswith(("nives", "lives", "wives")):
        return prefix + suffix[:-3] + "fe"
    if lower.endswith(("ays", "eys", "iys", "oys", "uys")):
        return prefix + suffix[:-1]
    if lower.endswith("ies"):
        return prefix + suffix[:-3] + "y"
    if suffix in _O_SUFFIX:
        return prefix + _O_SUFFIX[suffix]
    if lower.endswith(("aos", "eos", "ios", "oos", "uos")):
        return prefix + suffix[:-1]
    if lower.endswith("ces"):
        return prefix + suffix[:-1]
    if lower.endswith(("ses", "xes")):
        return prefix + suffix[:-2]
    if lower.endswith("oes"):
        return prefix + suffix[:-2]
    if lower.endswith("ss"):
        return prefix + suffix
    if lower.endswith("s"):
        return prefix + suffix[:-1]
    return prefix + suffix


@lru_cache(maxsize=65536)  # pure, and asked again for every variant of an operation
def singularize(word: str) -> str:
    """`EnglishPluralizationService.singularize`: the last word of the identifier, then Pascal case."""
    if not word:
        return word
    words = deconstruct(word)
    last = words[-1]
    single = _singular_word(last)
    if last and last[0] == last[0].upper() and single:  # keep a capital the word had
        single = single[0].upper() + single[1:]
    words[-1] = single
    return pascal_case(words)
