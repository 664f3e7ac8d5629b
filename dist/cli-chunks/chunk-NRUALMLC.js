import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  callWithRetry,
  parseHostPort,
  require_extend,
  require_safe_buffer,
  require_src as require_src2
} from "./chunk-ETTOO2EQ.js";
import {
  require_dist,
  require_dist2,
  require_src
} from "./chunk-Q5I7DL2S.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-TORVRQCF.js";

// node_modules/@google-cloud/common/node_modules/@google-cloud/promisify/build/src/index.js
var require_src3 = __commonJS({
  "node_modules/@google-cloud/common/node_modules/@google-cloud/promisify/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.promisify = promisify;
    exports.promisifyAll = promisifyAll;
    exports.callbackify = callbackify;
    exports.callbackifyAll = callbackifyAll;
    function promisify(originalMethod, options) {
      if (originalMethod.promisified_) {
        return originalMethod;
      }
      options = options || {};
      const slice = Array.prototype.slice;
      const wrapper = function() {
        let last;
        for (last = arguments.length - 1; last >= 0; last--) {
          const arg = arguments[last];
          if (typeof arg === "undefined") {
            continue;
          }
          if (typeof arg !== "function") {
            break;
          }
          return originalMethod.apply(this, arguments);
        }
        const args = slice.call(arguments, 0, last + 1);
        let PromiseCtor = Promise;
        if (this && this.Promise) {
          PromiseCtor = this.Promise;
        }
        return new PromiseCtor((resolve, reject) => {
          args.push((...args2) => {
            const callbackArgs = slice.call(args2);
            const err = callbackArgs.shift();
            if (err) {
              return reject(err);
            }
            if (options.singular && callbackArgs.length === 1) {
              resolve(callbackArgs[0]);
            } else {
              resolve(callbackArgs);
            }
          });
          originalMethod.apply(this, args);
        });
      };
      wrapper.promisified_ = true;
      return wrapper;
    }
    function promisifyAll(Class, options) {
      const exclude = options && options.exclude || [];
      const ownPropertyNames = Object.getOwnPropertyNames(Class.prototype);
      const methods = ownPropertyNames.filter((methodName) => {
        return !exclude.includes(methodName) && typeof Class.prototype[methodName] === "function" && // is it a function?
        !/(^_|(Stream|_)|promise$)|^constructor$/.test(methodName);
      });
      methods.forEach((methodName) => {
        const originalMethod = Class.prototype[methodName];
        if (!originalMethod.promisified_) {
          Class.prototype[methodName] = exports.promisify(originalMethod, options);
        }
      });
    }
    function callbackify(originalMethod) {
      if (originalMethod.callbackified_) {
        return originalMethod;
      }
      const wrapper = function() {
        if (typeof arguments[arguments.length - 1] !== "function") {
          return originalMethod.apply(this, arguments);
        }
        const cb = Array.prototype.pop.call(arguments);
        originalMethod.apply(this, arguments).then(
          // tslint:disable-next-line:no-any
          (res) => {
            res = Array.isArray(res) ? res : [res];
            cb(null, ...res);
          },
          (err) => cb(err)
        );
      };
      wrapper.callbackified_ = true;
      return wrapper;
    }
    function callbackifyAll(Class, options) {
      const exclude = options && options.exclude || [];
      const ownPropertyNames = Object.getOwnPropertyNames(Class.prototype);
      const methods = ownPropertyNames.filter((methodName) => {
        return !exclude.includes(methodName) && typeof Class.prototype[methodName] === "function" && // is it a function?
        !/^_|(Stream|_)|^constructor$/.test(methodName);
      });
      methods.forEach((methodName) => {
        const originalMethod = Class.prototype[methodName];
        if (!originalMethod.callbackified_) {
          Class.prototype[methodName] = exports.callbackify(originalMethod);
        }
      });
    }
  }
});

// node_modules/@google-cloud/common/node_modules/arrify/index.js
var require_arrify = __commonJS({
  "node_modules/@google-cloud/common/node_modules/arrify/index.js"(exports, module) {
    "use strict";
    var arrify = (value) => {
      if (value === null || value === void 0) {
        return [];
      }
      if (Array.isArray(value)) {
        return value;
      }
      if (typeof value === "string") {
        return [value];
      }
      if (typeof value[Symbol.iterator] === "function") {
        return [...value];
      }
      return [value];
    };
    module.exports = arrify;
  }
});

// node_modules/@google-cloud/projectify/build/src/index.js
var require_src4 = __commonJS({
  "node_modules/@google-cloud/projectify/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingProjectIdError = exports.replaceProjectIdToken = void 0;
    var stream_1 = __require("stream");
    function replaceProjectIdToken(value, projectId) {
      if (Array.isArray(value)) {
        value = value.map((v) => replaceProjectIdToken(v, projectId));
      }
      if (value !== null && typeof value === "object" && !(value instanceof Buffer) && !(value instanceof stream_1.Stream) && typeof value.hasOwnProperty === "function") {
        for (const opt in value) {
          if (value.hasOwnProperty(opt)) {
            value[opt] = replaceProjectIdToken(value[opt], projectId);
          }
        }
      }
      if (typeof value === "string" && value.indexOf("{{projectId}}") > -1) {
        if (!projectId || projectId === "{{projectId}}") {
          throw new MissingProjectIdError();
        }
        value = value.replace(/{{projectId}}/g, projectId);
      }
      return value;
    }
    exports.replaceProjectIdToken = replaceProjectIdToken;
    var MissingProjectIdError = class extends Error {
      constructor() {
        super(...arguments);
        this.message = `Sorry, we cannot connect to Cloud Services without a project
    ID. You may specify one with an environment variable named
    "GOOGLE_CLOUD_PROJECT".`.replace(/ +/g, " ");
      }
    };
    exports.MissingProjectIdError = MissingProjectIdError;
  }
});

// node_modules/html-entities/dist/commonjs/named-references.js
var require_named_references = __commonJS({
  "node_modules/html-entities/dist/commonjs/named-references.js"(exports) {
    "use strict";
    var __assign = exports && exports.__assign || function() {
      __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
            t[p] = s[p];
        }
        return t;
      };
      return __assign.apply(this, arguments);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.namedReferences = exports.bodyRegExps = void 0;
    var pairDivider = "~";
    var blockDivider = "~~";
    function generateNamedReferences(input, prev) {
      var entities = {};
      var characters = {};
      var blocks = input.split(blockDivider);
      var isOptionalBlock = false;
      for (var i = 0; blocks.length > i; i++) {
        var entries = blocks[i].split(pairDivider);
        for (var j = 0; j < entries.length; j += 2) {
          var entity = entries[j];
          var character = entries[j + 1];
          var fullEntity = "&" + entity + ";";
          entities[fullEntity] = character;
          if (isOptionalBlock) {
            entities["&" + entity] = character;
          }
          characters[character] = fullEntity;
        }
        isOptionalBlock = true;
      }
      return prev ? { entities: __assign(__assign({}, entities), prev.entities), characters: __assign(__assign({}, characters), prev.characters) } : { entities, characters };
    }
    exports.bodyRegExps = {
      xml: /&(?:#\d+|#[xX][\da-fA-F]+|[0-9a-zA-Z]+);?/g,
      html4: /&notin;|&(?:nbsp|iexcl|cent|pound|curren|yen|brvbar|sect|uml|copy|ordf|laquo|not|shy|reg|macr|deg|plusmn|sup2|sup3|acute|micro|para|middot|cedil|sup1|ordm|raquo|frac14|frac12|frac34|iquest|Agrave|Aacute|Acirc|Atilde|Auml|Aring|AElig|Ccedil|Egrave|Eacute|Ecirc|Euml|Igrave|Iacute|Icirc|Iuml|ETH|Ntilde|Ograve|Oacute|Ocirc|Otilde|Ouml|times|Oslash|Ugrave|Uacute|Ucirc|Uuml|Yacute|THORN|szlig|agrave|aacute|acirc|atilde|auml|aring|aelig|ccedil|egrave|eacute|ecirc|euml|igrave|iacute|icirc|iuml|eth|ntilde|ograve|oacute|ocirc|otilde|ouml|divide|oslash|ugrave|uacute|ucirc|uuml|yacute|thorn|yuml|quot|amp|lt|gt|#\d+|#[xX][\da-fA-F]+|[0-9a-zA-Z]+);?/g,
      html5: /&centerdot;|&copysr;|&divideontimes;|&gtcc;|&gtcir;|&gtdot;|&gtlPar;|&gtquest;|&gtrapprox;|&gtrarr;|&gtrdot;|&gtreqless;|&gtreqqless;|&gtrless;|&gtrsim;|&ltcc;|&ltcir;|&ltdot;|&lthree;|&ltimes;|&ltlarr;|&ltquest;|&ltrPar;|&ltri;|&ltrie;|&ltrif;|&notin;|&notinE;|&notindot;|&notinva;|&notinvb;|&notinvc;|&notni;|&notniva;|&notnivb;|&notnivc;|&parallel;|&timesb;|&timesbar;|&timesd;|&(?:AElig|AMP|Aacute|Acirc|Agrave|Aring|Atilde|Auml|COPY|Ccedil|ETH|Eacute|Ecirc|Egrave|Euml|GT|Iacute|Icirc|Igrave|Iuml|LT|Ntilde|Oacute|Ocirc|Ograve|Oslash|Otilde|Ouml|QUOT|REG|THORN|Uacute|Ucirc|Ugrave|Uuml|Yacute|aacute|acirc|acute|aelig|agrave|amp|aring|atilde|auml|brvbar|ccedil|cedil|cent|copy|curren|deg|divide|eacute|ecirc|egrave|eth|euml|frac12|frac14|frac34|gt|iacute|icirc|iexcl|igrave|iquest|iuml|laquo|lt|macr|micro|middot|nbsp|not|ntilde|oacute|ocirc|ograve|ordf|ordm|oslash|otilde|ouml|para|plusmn|pound|quot|raquo|reg|sect|shy|sup1|sup2|sup3|szlig|thorn|times|uacute|ucirc|ugrave|uml|uuml|yacute|yen|yuml|#\d+|#[xX][\da-fA-F]+|[0-9a-zA-Z]+);?/g
    };
    exports.namedReferences = {};
    exports.namedReferences["xml"] = generateNamedReferences(`lt~<~gt~>~quot~"~apos~'~amp~&`);
    exports.namedReferences["html4"] = generateNamedReferences(`apos~'~OElig~Œ~oelig~œ~Scaron~Š~scaron~š~Yuml~Ÿ~circ~ˆ~tilde~˜~ensp~ ~emsp~ ~thinsp~ ~zwnj~‌~zwj~‍~lrm~‎~rlm~‏~ndash~–~mdash~—~lsquo~‘~rsquo~’~sbquo~‚~ldquo~“~rdquo~”~bdquo~„~dagger~†~Dagger~‡~permil~‰~lsaquo~‹~rsaquo~›~euro~€~fnof~ƒ~Alpha~Α~Beta~Β~Gamma~Γ~Delta~Δ~Epsilon~Ε~Zeta~Ζ~Eta~Η~Theta~Θ~Iota~Ι~Kappa~Κ~Lambda~Λ~Mu~Μ~Nu~Ν~Xi~Ξ~Omicron~Ο~Pi~Π~Rho~Ρ~Sigma~Σ~Tau~Τ~Upsilon~Υ~Phi~Φ~Chi~Χ~Psi~Ψ~Omega~Ω~alpha~α~beta~β~gamma~γ~delta~δ~epsilon~ε~zeta~ζ~eta~η~theta~θ~iota~ι~kappa~κ~lambda~λ~mu~μ~nu~ν~xi~ξ~omicron~ο~pi~π~rho~ρ~sigmaf~ς~sigma~σ~tau~τ~upsilon~υ~phi~φ~chi~χ~psi~ψ~omega~ω~thetasym~ϑ~upsih~ϒ~piv~ϖ~bull~•~hellip~…~prime~′~Prime~″~oline~‾~frasl~⁄~weierp~℘~image~ℑ~real~ℜ~trade~™~alefsym~ℵ~larr~←~uarr~↑~rarr~→~darr~↓~harr~↔~crarr~↵~lArr~⇐~uArr~⇑~rArr~⇒~dArr~⇓~hArr~⇔~forall~∀~part~∂~exist~∃~empty~∅~nabla~∇~isin~∈~notin~∉~ni~∋~prod~∏~sum~∑~minus~−~lowast~∗~radic~√~prop~∝~infin~∞~ang~∠~and~∧~or~∨~cap~∩~cup~∪~int~∫~there4~∴~sim~∼~cong~≅~asymp~≈~ne~≠~equiv~≡~le~≤~ge~≥~sub~⊂~sup~⊃~nsub~⊄~sube~⊆~supe~⊇~oplus~⊕~otimes~⊗~perp~⊥~sdot~⋅~lceil~⌈~rceil~⌉~lfloor~⌊~rfloor~⌋~lang~〈~rang~〉~loz~◊~spades~♠~clubs~♣~hearts~♥~diams~♦~~nbsp~ ~iexcl~¡~cent~¢~pound~£~curren~¤~yen~¥~brvbar~¦~sect~§~uml~¨~copy~©~ordf~ª~laquo~«~not~¬~shy~­~reg~®~macr~¯~deg~°~plusmn~±~sup2~²~sup3~³~acute~´~micro~µ~para~¶~middot~·~cedil~¸~sup1~¹~ordm~º~raquo~»~frac14~¼~frac12~½~frac34~¾~iquest~¿~Agrave~À~Aacute~Á~Acirc~Â~Atilde~Ã~Auml~Ä~Aring~Å~AElig~Æ~Ccedil~Ç~Egrave~È~Eacute~É~Ecirc~Ê~Euml~Ë~Igrave~Ì~Iacute~Í~Icirc~Î~Iuml~Ï~ETH~Ð~Ntilde~Ñ~Ograve~Ò~Oacute~Ó~Ocirc~Ô~Otilde~Õ~Ouml~Ö~times~×~Oslash~Ø~Ugrave~Ù~Uacute~Ú~Ucirc~Û~Uuml~Ü~Yacute~Ý~THORN~Þ~szlig~ß~agrave~à~aacute~á~acirc~â~atilde~ã~auml~ä~aring~å~aelig~æ~ccedil~ç~egrave~è~eacute~é~ecirc~ê~euml~ë~igrave~ì~iacute~í~icirc~î~iuml~ï~eth~ð~ntilde~ñ~ograve~ò~oacute~ó~ocirc~ô~otilde~õ~ouml~ö~divide~÷~oslash~ø~ugrave~ù~uacute~ú~ucirc~û~uuml~ü~yacute~ý~thorn~þ~yuml~ÿ~quot~"~amp~&~lt~<~gt~>`);
    exports.namedReferences["html5"] = generateNamedReferences('Abreve~Ă~Acy~А~Afr~𝔄~Amacr~Ā~And~⩓~Aogon~Ą~Aopf~𝔸~ApplyFunction~⁡~Ascr~𝒜~Assign~≔~Backslash~∖~Barv~⫧~Barwed~⌆~Bcy~Б~Because~∵~Bernoullis~ℬ~Bfr~𝔅~Bopf~𝔹~Breve~˘~Bscr~ℬ~Bumpeq~≎~CHcy~Ч~Cacute~Ć~Cap~⋒~CapitalDifferentialD~ⅅ~Cayleys~ℭ~Ccaron~Č~Ccirc~Ĉ~Cconint~∰~Cdot~Ċ~Cedilla~¸~CenterDot~·~Cfr~ℭ~CircleDot~⊙~CircleMinus~⊖~CirclePlus~⊕~CircleTimes~⊗~ClockwiseContourIntegral~∲~CloseCurlyDoubleQuote~”~CloseCurlyQuote~’~Colon~∷~Colone~⩴~Congruent~≡~Conint~∯~ContourIntegral~∮~Copf~ℂ~Coproduct~∐~CounterClockwiseContourIntegral~∳~Cross~⨯~Cscr~𝒞~Cup~⋓~CupCap~≍~DD~ⅅ~DDotrahd~⤑~DJcy~Ђ~DScy~Ѕ~DZcy~Џ~Darr~↡~Dashv~⫤~Dcaron~Ď~Dcy~Д~Del~∇~Dfr~𝔇~DiacriticalAcute~´~DiacriticalDot~˙~DiacriticalDoubleAcute~˝~DiacriticalGrave~`~DiacriticalTilde~˜~Diamond~⋄~DifferentialD~ⅆ~Dopf~𝔻~Dot~¨~DotDot~⃜~DotEqual~≐~DoubleContourIntegral~∯~DoubleDot~¨~DoubleDownArrow~⇓~DoubleLeftArrow~⇐~DoubleLeftRightArrow~⇔~DoubleLeftTee~⫤~DoubleLongLeftArrow~⟸~DoubleLongLeftRightArrow~⟺~DoubleLongRightArrow~⟹~DoubleRightArrow~⇒~DoubleRightTee~⊨~DoubleUpArrow~⇑~DoubleUpDownArrow~⇕~DoubleVerticalBar~∥~DownArrow~↓~DownArrowBar~⤓~DownArrowUpArrow~⇵~DownBreve~̑~DownLeftRightVector~⥐~DownLeftTeeVector~⥞~DownLeftVector~↽~DownLeftVectorBar~⥖~DownRightTeeVector~⥟~DownRightVector~⇁~DownRightVectorBar~⥗~DownTee~⊤~DownTeeArrow~↧~Downarrow~⇓~Dscr~𝒟~Dstrok~Đ~ENG~Ŋ~Ecaron~Ě~Ecy~Э~Edot~Ė~Efr~𝔈~Element~∈~Emacr~Ē~EmptySmallSquare~◻~EmptyVerySmallSquare~▫~Eogon~Ę~Eopf~𝔼~Equal~⩵~EqualTilde~≂~Equilibrium~⇌~Escr~ℰ~Esim~⩳~Exists~∃~ExponentialE~ⅇ~Fcy~Ф~Ffr~𝔉~FilledSmallSquare~◼~FilledVerySmallSquare~▪~Fopf~𝔽~ForAll~∀~Fouriertrf~ℱ~Fscr~ℱ~GJcy~Ѓ~Gammad~Ϝ~Gbreve~Ğ~Gcedil~Ģ~Gcirc~Ĝ~Gcy~Г~Gdot~Ġ~Gfr~𝔊~Gg~⋙~Gopf~𝔾~GreaterEqual~≥~GreaterEqualLess~⋛~GreaterFullEqual~≧~GreaterGreater~⪢~GreaterLess~≷~GreaterSlantEqual~⩾~GreaterTilde~≳~Gscr~𝒢~Gt~≫~HARDcy~Ъ~Hacek~ˇ~Hat~^~Hcirc~Ĥ~Hfr~ℌ~HilbertSpace~ℋ~Hopf~ℍ~HorizontalLine~─~Hscr~ℋ~Hstrok~Ħ~HumpDownHump~≎~HumpEqual~≏~IEcy~Е~IJlig~Ĳ~IOcy~Ё~Icy~И~Idot~İ~Ifr~ℑ~Im~ℑ~Imacr~Ī~ImaginaryI~ⅈ~Implies~⇒~Int~∬~Integral~∫~Intersection~⋂~InvisibleComma~⁣~InvisibleTimes~⁢~Iogon~Į~Iopf~𝕀~Iscr~ℐ~Itilde~Ĩ~Iukcy~І~Jcirc~Ĵ~Jcy~Й~Jfr~𝔍~Jopf~𝕁~Jscr~𝒥~Jsercy~Ј~Jukcy~Є~KHcy~Х~KJcy~Ќ~Kcedil~Ķ~Kcy~К~Kfr~𝔎~Kopf~𝕂~Kscr~𝒦~LJcy~Љ~Lacute~Ĺ~Lang~⟪~Laplacetrf~ℒ~Larr~↞~Lcaron~Ľ~Lcedil~Ļ~Lcy~Л~LeftAngleBracket~⟨~LeftArrow~←~LeftArrowBar~⇤~LeftArrowRightArrow~⇆~LeftCeiling~⌈~LeftDoubleBracket~⟦~LeftDownTeeVector~⥡~LeftDownVector~⇃~LeftDownVectorBar~⥙~LeftFloor~⌊~LeftRightArrow~↔~LeftRightVector~⥎~LeftTee~⊣~LeftTeeArrow~↤~LeftTeeVector~⥚~LeftTriangle~⊲~LeftTriangleBar~⧏~LeftTriangleEqual~⊴~LeftUpDownVector~⥑~LeftUpTeeVector~⥠~LeftUpVector~↿~LeftUpVectorBar~⥘~LeftVector~↼~LeftVectorBar~⥒~Leftarrow~⇐~Leftrightarrow~⇔~LessEqualGreater~⋚~LessFullEqual~≦~LessGreater~≶~LessLess~⪡~LessSlantEqual~⩽~LessTilde~≲~Lfr~𝔏~Ll~⋘~Lleftarrow~⇚~Lmidot~Ŀ~LongLeftArrow~⟵~LongLeftRightArrow~⟷~LongRightArrow~⟶~Longleftarrow~⟸~Longleftrightarrow~⟺~Longrightarrow~⟹~Lopf~𝕃~LowerLeftArrow~↙~LowerRightArrow~↘~Lscr~ℒ~Lsh~↰~Lstrok~Ł~Lt~≪~Map~⤅~Mcy~М~MediumSpace~ ~Mellintrf~ℳ~Mfr~𝔐~MinusPlus~∓~Mopf~𝕄~Mscr~ℳ~NJcy~Њ~Nacute~Ń~Ncaron~Ň~Ncedil~Ņ~Ncy~Н~NegativeMediumSpace~​~NegativeThickSpace~​~NegativeThinSpace~​~NegativeVeryThinSpace~​~NestedGreaterGreater~≫~NestedLessLess~≪~NewLine~\n~Nfr~𝔑~NoBreak~⁠~NonBreakingSpace~ ~Nopf~ℕ~Not~⫬~NotCongruent~≢~NotCupCap~≭~NotDoubleVerticalBar~∦~NotElement~∉~NotEqual~≠~NotEqualTilde~≂̸~NotExists~∄~NotGreater~≯~NotGreaterEqual~≱~NotGreaterFullEqual~≧̸~NotGreaterGreater~≫̸~NotGreaterLess~≹~NotGreaterSlantEqual~⩾̸~NotGreaterTilde~≵~NotHumpDownHump~≎̸~NotHumpEqual~≏̸~NotLeftTriangle~⋪~NotLeftTriangleBar~⧏̸~NotLeftTriangleEqual~⋬~NotLess~≮~NotLessEqual~≰~NotLessGreater~≸~NotLessLess~≪̸~NotLessSlantEqual~⩽̸~NotLessTilde~≴~NotNestedGreaterGreater~⪢̸~NotNestedLessLess~⪡̸~NotPrecedes~⊀~NotPrecedesEqual~⪯̸~NotPrecedesSlantEqual~⋠~NotReverseElement~∌~NotRightTriangle~⋫~NotRightTriangleBar~⧐̸~NotRightTriangleEqual~⋭~NotSquareSubset~⊏̸~NotSquareSubsetEqual~⋢~NotSquareSuperset~⊐̸~NotSquareSupersetEqual~⋣~NotSubset~⊂⃒~NotSubsetEqual~⊈~NotSucceeds~⊁~NotSucceedsEqual~⪰̸~NotSucceedsSlantEqual~⋡~NotSucceedsTilde~≿̸~NotSuperset~⊃⃒~NotSupersetEqual~⊉~NotTilde~≁~NotTildeEqual~≄~NotTildeFullEqual~≇~NotTildeTilde~≉~NotVerticalBar~∤~Nscr~𝒩~Ocy~О~Odblac~Ő~Ofr~𝔒~Omacr~Ō~Oopf~𝕆~OpenCurlyDoubleQuote~“~OpenCurlyQuote~‘~Or~⩔~Oscr~𝒪~Otimes~⨷~OverBar~‾~OverBrace~⏞~OverBracket~⎴~OverParenthesis~⏜~PartialD~∂~Pcy~П~Pfr~𝔓~PlusMinus~±~Poincareplane~ℌ~Popf~ℙ~Pr~⪻~Precedes~≺~PrecedesEqual~⪯~PrecedesSlantEqual~≼~PrecedesTilde~≾~Product~∏~Proportion~∷~Proportional~∝~Pscr~𝒫~Qfr~𝔔~Qopf~ℚ~Qscr~𝒬~RBarr~⤐~Racute~Ŕ~Rang~⟫~Rarr~↠~Rarrtl~⤖~Rcaron~Ř~Rcedil~Ŗ~Rcy~Р~Re~ℜ~ReverseElement~∋~ReverseEquilibrium~⇋~ReverseUpEquilibrium~⥯~Rfr~ℜ~RightAngleBracket~⟩~RightArrow~→~RightArrowBar~⇥~RightArrowLeftArrow~⇄~RightCeiling~⌉~RightDoubleBracket~⟧~RightDownTeeVector~⥝~RightDownVector~⇂~RightDownVectorBar~⥕~RightFloor~⌋~RightTee~⊢~RightTeeArrow~↦~RightTeeVector~⥛~RightTriangle~⊳~RightTriangleBar~⧐~RightTriangleEqual~⊵~RightUpDownVector~⥏~RightUpTeeVector~⥜~RightUpVector~↾~RightUpVectorBar~⥔~RightVector~⇀~RightVectorBar~⥓~Rightarrow~⇒~Ropf~ℝ~RoundImplies~⥰~Rrightarrow~⇛~Rscr~ℛ~Rsh~↱~RuleDelayed~⧴~SHCHcy~Щ~SHcy~Ш~SOFTcy~Ь~Sacute~Ś~Sc~⪼~Scedil~Ş~Scirc~Ŝ~Scy~С~Sfr~𝔖~ShortDownArrow~↓~ShortLeftArrow~←~ShortRightArrow~→~ShortUpArrow~↑~SmallCircle~∘~Sopf~𝕊~Sqrt~√~Square~□~SquareIntersection~⊓~SquareSubset~⊏~SquareSubsetEqual~⊑~SquareSuperset~⊐~SquareSupersetEqual~⊒~SquareUnion~⊔~Sscr~𝒮~Star~⋆~Sub~⋐~Subset~⋐~SubsetEqual~⊆~Succeeds~≻~SucceedsEqual~⪰~SucceedsSlantEqual~≽~SucceedsTilde~≿~SuchThat~∋~Sum~∑~Sup~⋑~Superset~⊃~SupersetEqual~⊇~Supset~⋑~TRADE~™~TSHcy~Ћ~TScy~Ц~Tab~	~Tcaron~Ť~Tcedil~Ţ~Tcy~Т~Tfr~𝔗~Therefore~∴~ThickSpace~  ~ThinSpace~ ~Tilde~∼~TildeEqual~≃~TildeFullEqual~≅~TildeTilde~≈~Topf~𝕋~TripleDot~⃛~Tscr~𝒯~Tstrok~Ŧ~Uarr~↟~Uarrocir~⥉~Ubrcy~Ў~Ubreve~Ŭ~Ucy~У~Udblac~Ű~Ufr~𝔘~Umacr~Ū~UnderBar~_~UnderBrace~⏟~UnderBracket~⎵~UnderParenthesis~⏝~Union~⋃~UnionPlus~⊎~Uogon~Ų~Uopf~𝕌~UpArrow~↑~UpArrowBar~⤒~UpArrowDownArrow~⇅~UpDownArrow~↕~UpEquilibrium~⥮~UpTee~⊥~UpTeeArrow~↥~Uparrow~⇑~Updownarrow~⇕~UpperLeftArrow~↖~UpperRightArrow~↗~Upsi~ϒ~Uring~Ů~Uscr~𝒰~Utilde~Ũ~VDash~⊫~Vbar~⫫~Vcy~В~Vdash~⊩~Vdashl~⫦~Vee~⋁~Verbar~‖~Vert~‖~VerticalBar~∣~VerticalLine~|~VerticalSeparator~❘~VerticalTilde~≀~VeryThinSpace~ ~Vfr~𝔙~Vopf~𝕍~Vscr~𝒱~Vvdash~⊪~Wcirc~Ŵ~Wedge~⋀~Wfr~𝔚~Wopf~𝕎~Wscr~𝒲~Xfr~𝔛~Xopf~𝕏~Xscr~𝒳~YAcy~Я~YIcy~Ї~YUcy~Ю~Ycirc~Ŷ~Ycy~Ы~Yfr~𝔜~Yopf~𝕐~Yscr~𝒴~ZHcy~Ж~Zacute~Ź~Zcaron~Ž~Zcy~З~Zdot~Ż~ZeroWidthSpace~​~Zfr~ℨ~Zopf~ℤ~Zscr~𝒵~abreve~ă~ac~∾~acE~∾̳~acd~∿~acy~а~af~⁡~afr~𝔞~aleph~ℵ~amacr~ā~amalg~⨿~andand~⩕~andd~⩜~andslope~⩘~andv~⩚~ange~⦤~angle~∠~angmsd~∡~angmsdaa~⦨~angmsdab~⦩~angmsdac~⦪~angmsdad~⦫~angmsdae~⦬~angmsdaf~⦭~angmsdag~⦮~angmsdah~⦯~angrt~∟~angrtvb~⊾~angrtvbd~⦝~angsph~∢~angst~Å~angzarr~⍼~aogon~ą~aopf~𝕒~ap~≈~apE~⩰~apacir~⩯~ape~≊~apid~≋~approx~≈~approxeq~≊~ascr~𝒶~ast~*~asympeq~≍~awconint~∳~awint~⨑~bNot~⫭~backcong~≌~backepsilon~϶~backprime~‵~backsim~∽~backsimeq~⋍~barvee~⊽~barwed~⌅~barwedge~⌅~bbrk~⎵~bbrktbrk~⎶~bcong~≌~bcy~б~becaus~∵~because~∵~bemptyv~⦰~bepsi~϶~bernou~ℬ~beth~ℶ~between~≬~bfr~𝔟~bigcap~⋂~bigcirc~◯~bigcup~⋃~bigodot~⨀~bigoplus~⨁~bigotimes~⨂~bigsqcup~⨆~bigstar~★~bigtriangledown~▽~bigtriangleup~△~biguplus~⨄~bigvee~⋁~bigwedge~⋀~bkarow~⤍~blacklozenge~⧫~blacksquare~▪~blacktriangle~▴~blacktriangledown~▾~blacktriangleleft~◂~blacktriangleright~▸~blank~␣~blk12~▒~blk14~░~blk34~▓~block~█~bne~=⃥~bnequiv~≡⃥~bnot~⌐~bopf~𝕓~bot~⊥~bottom~⊥~bowtie~⋈~boxDL~╗~boxDR~╔~boxDl~╖~boxDr~╓~boxH~═~boxHD~╦~boxHU~╩~boxHd~╤~boxHu~╧~boxUL~╝~boxUR~╚~boxUl~╜~boxUr~╙~boxV~║~boxVH~╬~boxVL~╣~boxVR~╠~boxVh~╫~boxVl~╢~boxVr~╟~boxbox~⧉~boxdL~╕~boxdR~╒~boxdl~┐~boxdr~┌~boxh~─~boxhD~╥~boxhU~╨~boxhd~┬~boxhu~┴~boxminus~⊟~boxplus~⊞~boxtimes~⊠~boxuL~╛~boxuR~╘~boxul~┘~boxur~└~boxv~│~boxvH~╪~boxvL~╡~boxvR~╞~boxvh~┼~boxvl~┤~boxvr~├~bprime~‵~breve~˘~bscr~𝒷~bsemi~⁏~bsim~∽~bsime~⋍~bsol~\\~bsolb~⧅~bsolhsub~⟈~bullet~•~bump~≎~bumpE~⪮~bumpe~≏~bumpeq~≏~cacute~ć~capand~⩄~capbrcup~⩉~capcap~⩋~capcup~⩇~capdot~⩀~caps~∩︀~caret~⁁~caron~ˇ~ccaps~⩍~ccaron~č~ccirc~ĉ~ccups~⩌~ccupssm~⩐~cdot~ċ~cemptyv~⦲~centerdot~·~cfr~𝔠~chcy~ч~check~✓~checkmark~✓~cir~○~cirE~⧃~circeq~≗~circlearrowleft~↺~circlearrowright~↻~circledR~®~circledS~Ⓢ~circledast~⊛~circledcirc~⊚~circleddash~⊝~cire~≗~cirfnint~⨐~cirmid~⫯~cirscir~⧂~clubsuit~♣~colon~:~colone~≔~coloneq~≔~comma~,~commat~@~comp~∁~compfn~∘~complement~∁~complexes~ℂ~congdot~⩭~conint~∮~copf~𝕔~coprod~∐~copysr~℗~cross~✗~cscr~𝒸~csub~⫏~csube~⫑~csup~⫐~csupe~⫒~ctdot~⋯~cudarrl~⤸~cudarrr~⤵~cuepr~⋞~cuesc~⋟~cularr~↶~cularrp~⤽~cupbrcap~⩈~cupcap~⩆~cupcup~⩊~cupdot~⊍~cupor~⩅~cups~∪︀~curarr~↷~curarrm~⤼~curlyeqprec~⋞~curlyeqsucc~⋟~curlyvee~⋎~curlywedge~⋏~curvearrowleft~↶~curvearrowright~↷~cuvee~⋎~cuwed~⋏~cwconint~∲~cwint~∱~cylcty~⌭~dHar~⥥~daleth~ℸ~dash~‐~dashv~⊣~dbkarow~⤏~dblac~˝~dcaron~ď~dcy~д~dd~ⅆ~ddagger~‡~ddarr~⇊~ddotseq~⩷~demptyv~⦱~dfisht~⥿~dfr~𝔡~dharl~⇃~dharr~⇂~diam~⋄~diamond~⋄~diamondsuit~♦~die~¨~digamma~ϝ~disin~⋲~div~÷~divideontimes~⋇~divonx~⋇~djcy~ђ~dlcorn~⌞~dlcrop~⌍~dollar~$~dopf~𝕕~dot~˙~doteq~≐~doteqdot~≑~dotminus~∸~dotplus~∔~dotsquare~⊡~doublebarwedge~⌆~downarrow~↓~downdownarrows~⇊~downharpoonleft~⇃~downharpoonright~⇂~drbkarow~⤐~drcorn~⌟~drcrop~⌌~dscr~𝒹~dscy~ѕ~dsol~⧶~dstrok~đ~dtdot~⋱~dtri~▿~dtrif~▾~duarr~⇵~duhar~⥯~dwangle~⦦~dzcy~џ~dzigrarr~⟿~eDDot~⩷~eDot~≑~easter~⩮~ecaron~ě~ecir~≖~ecolon~≕~ecy~э~edot~ė~ee~ⅇ~efDot~≒~efr~𝔢~eg~⪚~egs~⪖~egsdot~⪘~el~⪙~elinters~⏧~ell~ℓ~els~⪕~elsdot~⪗~emacr~ē~emptyset~∅~emptyv~∅~emsp13~ ~emsp14~ ~eng~ŋ~eogon~ę~eopf~𝕖~epar~⋕~eparsl~⧣~eplus~⩱~epsi~ε~epsiv~ϵ~eqcirc~≖~eqcolon~≕~eqsim~≂~eqslantgtr~⪖~eqslantless~⪕~equals~=~equest~≟~equivDD~⩸~eqvparsl~⧥~erDot~≓~erarr~⥱~escr~ℯ~esdot~≐~esim~≂~excl~!~expectation~ℰ~exponentiale~ⅇ~fallingdotseq~≒~fcy~ф~female~♀~ffilig~ﬃ~fflig~ﬀ~ffllig~ﬄ~ffr~𝔣~filig~ﬁ~fjlig~fj~flat~♭~fllig~ﬂ~fltns~▱~fopf~𝕗~fork~⋔~forkv~⫙~fpartint~⨍~frac13~⅓~frac15~⅕~frac16~⅙~frac18~⅛~frac23~⅔~frac25~⅖~frac35~⅗~frac38~⅜~frac45~⅘~frac56~⅚~frac58~⅝~frac78~⅞~frown~⌢~fscr~𝒻~gE~≧~gEl~⪌~gacute~ǵ~gammad~ϝ~gap~⪆~gbreve~ğ~gcirc~ĝ~gcy~г~gdot~ġ~gel~⋛~geq~≥~geqq~≧~geqslant~⩾~ges~⩾~gescc~⪩~gesdot~⪀~gesdoto~⪂~gesdotol~⪄~gesl~⋛︀~gesles~⪔~gfr~𝔤~gg~≫~ggg~⋙~gimel~ℷ~gjcy~ѓ~gl~≷~glE~⪒~gla~⪥~glj~⪤~gnE~≩~gnap~⪊~gnapprox~⪊~gne~⪈~gneq~⪈~gneqq~≩~gnsim~⋧~gopf~𝕘~grave~`~gscr~ℊ~gsim~≳~gsime~⪎~gsiml~⪐~gtcc~⪧~gtcir~⩺~gtdot~⋗~gtlPar~⦕~gtquest~⩼~gtrapprox~⪆~gtrarr~⥸~gtrdot~⋗~gtreqless~⋛~gtreqqless~⪌~gtrless~≷~gtrsim~≳~gvertneqq~≩︀~gvnE~≩︀~hairsp~ ~half~½~hamilt~ℋ~hardcy~ъ~harrcir~⥈~harrw~↭~hbar~ℏ~hcirc~ĥ~heartsuit~♥~hercon~⊹~hfr~𝔥~hksearow~⤥~hkswarow~⤦~hoarr~⇿~homtht~∻~hookleftarrow~↩~hookrightarrow~↪~hopf~𝕙~horbar~―~hscr~𝒽~hslash~ℏ~hstrok~ħ~hybull~⁃~hyphen~‐~ic~⁣~icy~и~iecy~е~iff~⇔~ifr~𝔦~ii~ⅈ~iiiint~⨌~iiint~∭~iinfin~⧜~iiota~℩~ijlig~ĳ~imacr~ī~imagline~ℐ~imagpart~ℑ~imath~ı~imof~⊷~imped~Ƶ~in~∈~incare~℅~infintie~⧝~inodot~ı~intcal~⊺~integers~ℤ~intercal~⊺~intlarhk~⨗~intprod~⨼~iocy~ё~iogon~į~iopf~𝕚~iprod~⨼~iscr~𝒾~isinE~⋹~isindot~⋵~isins~⋴~isinsv~⋳~isinv~∈~it~⁢~itilde~ĩ~iukcy~і~jcirc~ĵ~jcy~й~jfr~𝔧~jmath~ȷ~jopf~𝕛~jscr~𝒿~jsercy~ј~jukcy~є~kappav~ϰ~kcedil~ķ~kcy~к~kfr~𝔨~kgreen~ĸ~khcy~х~kjcy~ќ~kopf~𝕜~kscr~𝓀~lAarr~⇚~lAtail~⤛~lBarr~⤎~lE~≦~lEg~⪋~lHar~⥢~lacute~ĺ~laemptyv~⦴~lagran~ℒ~langd~⦑~langle~⟨~lap~⪅~larrb~⇤~larrbfs~⤟~larrfs~⤝~larrhk~↩~larrlp~↫~larrpl~⤹~larrsim~⥳~larrtl~↢~lat~⪫~latail~⤙~late~⪭~lates~⪭︀~lbarr~⤌~lbbrk~❲~lbrace~{~lbrack~[~lbrke~⦋~lbrksld~⦏~lbrkslu~⦍~lcaron~ľ~lcedil~ļ~lcub~{~lcy~л~ldca~⤶~ldquor~„~ldrdhar~⥧~ldrushar~⥋~ldsh~↲~leftarrow~←~leftarrowtail~↢~leftharpoondown~↽~leftharpoonup~↼~leftleftarrows~⇇~leftrightarrow~↔~leftrightarrows~⇆~leftrightharpoons~⇋~leftrightsquigarrow~↭~leftthreetimes~⋋~leg~⋚~leq~≤~leqq~≦~leqslant~⩽~les~⩽~lescc~⪨~lesdot~⩿~lesdoto~⪁~lesdotor~⪃~lesg~⋚︀~lesges~⪓~lessapprox~⪅~lessdot~⋖~lesseqgtr~⋚~lesseqqgtr~⪋~lessgtr~≶~lesssim~≲~lfisht~⥼~lfr~𝔩~lg~≶~lgE~⪑~lhard~↽~lharu~↼~lharul~⥪~lhblk~▄~ljcy~љ~ll~≪~llarr~⇇~llcorner~⌞~llhard~⥫~lltri~◺~lmidot~ŀ~lmoust~⎰~lmoustache~⎰~lnE~≨~lnap~⪉~lnapprox~⪉~lne~⪇~lneq~⪇~lneqq~≨~lnsim~⋦~loang~⟬~loarr~⇽~lobrk~⟦~longleftarrow~⟵~longleftrightarrow~⟷~longmapsto~⟼~longrightarrow~⟶~looparrowleft~↫~looparrowright~↬~lopar~⦅~lopf~𝕝~loplus~⨭~lotimes~⨴~lowbar~_~lozenge~◊~lozf~⧫~lpar~(~lparlt~⦓~lrarr~⇆~lrcorner~⌟~lrhar~⇋~lrhard~⥭~lrtri~⊿~lscr~𝓁~lsh~↰~lsim~≲~lsime~⪍~lsimg~⪏~lsqb~[~lsquor~‚~lstrok~ł~ltcc~⪦~ltcir~⩹~ltdot~⋖~lthree~⋋~ltimes~⋉~ltlarr~⥶~ltquest~⩻~ltrPar~⦖~ltri~◃~ltrie~⊴~ltrif~◂~lurdshar~⥊~luruhar~⥦~lvertneqq~≨︀~lvnE~≨︀~mDDot~∺~male~♂~malt~✠~maltese~✠~map~↦~mapsto~↦~mapstodown~↧~mapstoleft~↤~mapstoup~↥~marker~▮~mcomma~⨩~mcy~м~measuredangle~∡~mfr~𝔪~mho~℧~mid~∣~midast~*~midcir~⫰~minusb~⊟~minusd~∸~minusdu~⨪~mlcp~⫛~mldr~…~mnplus~∓~models~⊧~mopf~𝕞~mp~∓~mscr~𝓂~mstpos~∾~multimap~⊸~mumap~⊸~nGg~⋙̸~nGt~≫⃒~nGtv~≫̸~nLeftarrow~⇍~nLeftrightarrow~⇎~nLl~⋘̸~nLt~≪⃒~nLtv~≪̸~nRightarrow~⇏~nVDash~⊯~nVdash~⊮~nacute~ń~nang~∠⃒~nap~≉~napE~⩰̸~napid~≋̸~napos~ŉ~napprox~≉~natur~♮~natural~♮~naturals~ℕ~nbump~≎̸~nbumpe~≏̸~ncap~⩃~ncaron~ň~ncedil~ņ~ncong~≇~ncongdot~⩭̸~ncup~⩂~ncy~н~neArr~⇗~nearhk~⤤~nearr~↗~nearrow~↗~nedot~≐̸~nequiv~≢~nesear~⤨~nesim~≂̸~nexist~∄~nexists~∄~nfr~𝔫~ngE~≧̸~nge~≱~ngeq~≱~ngeqq~≧̸~ngeqslant~⩾̸~nges~⩾̸~ngsim~≵~ngt~≯~ngtr~≯~nhArr~⇎~nharr~↮~nhpar~⫲~nis~⋼~nisd~⋺~niv~∋~njcy~њ~nlArr~⇍~nlE~≦̸~nlarr~↚~nldr~‥~nle~≰~nleftarrow~↚~nleftrightarrow~↮~nleq~≰~nleqq~≦̸~nleqslant~⩽̸~nles~⩽̸~nless~≮~nlsim~≴~nlt~≮~nltri~⋪~nltrie~⋬~nmid~∤~nopf~𝕟~notinE~⋹̸~notindot~⋵̸~notinva~∉~notinvb~⋷~notinvc~⋶~notni~∌~notniva~∌~notnivb~⋾~notnivc~⋽~npar~∦~nparallel~∦~nparsl~⫽⃥~npart~∂̸~npolint~⨔~npr~⊀~nprcue~⋠~npre~⪯̸~nprec~⊀~npreceq~⪯̸~nrArr~⇏~nrarr~↛~nrarrc~⤳̸~nrarrw~↝̸~nrightarrow~↛~nrtri~⋫~nrtrie~⋭~nsc~⊁~nsccue~⋡~nsce~⪰̸~nscr~𝓃~nshortmid~∤~nshortparallel~∦~nsim~≁~nsime~≄~nsimeq~≄~nsmid~∤~nspar~∦~nsqsube~⋢~nsqsupe~⋣~nsubE~⫅̸~nsube~⊈~nsubset~⊂⃒~nsubseteq~⊈~nsubseteqq~⫅̸~nsucc~⊁~nsucceq~⪰̸~nsup~⊅~nsupE~⫆̸~nsupe~⊉~nsupset~⊃⃒~nsupseteq~⊉~nsupseteqq~⫆̸~ntgl~≹~ntlg~≸~ntriangleleft~⋪~ntrianglelefteq~⋬~ntriangleright~⋫~ntrianglerighteq~⋭~num~#~numero~№~numsp~ ~nvDash~⊭~nvHarr~⤄~nvap~≍⃒~nvdash~⊬~nvge~≥⃒~nvgt~>⃒~nvinfin~⧞~nvlArr~⤂~nvle~≤⃒~nvlt~<⃒~nvltrie~⊴⃒~nvrArr~⤃~nvrtrie~⊵⃒~nvsim~∼⃒~nwArr~⇖~nwarhk~⤣~nwarr~↖~nwarrow~↖~nwnear~⤧~oS~Ⓢ~oast~⊛~ocir~⊚~ocy~о~odash~⊝~odblac~ő~odiv~⨸~odot~⊙~odsold~⦼~ofcir~⦿~ofr~𝔬~ogon~˛~ogt~⧁~ohbar~⦵~ohm~Ω~oint~∮~olarr~↺~olcir~⦾~olcross~⦻~olt~⧀~omacr~ō~omid~⦶~ominus~⊖~oopf~𝕠~opar~⦷~operp~⦹~orarr~↻~ord~⩝~order~ℴ~orderof~ℴ~origof~⊶~oror~⩖~orslope~⩗~orv~⩛~oscr~ℴ~osol~⊘~otimesas~⨶~ovbar~⌽~par~∥~parallel~∥~parsim~⫳~parsl~⫽~pcy~п~percnt~%~period~.~pertenk~‱~pfr~𝔭~phiv~ϕ~phmmat~ℳ~phone~☎~pitchfork~⋔~planck~ℏ~planckh~ℎ~plankv~ℏ~plus~+~plusacir~⨣~plusb~⊞~pluscir~⨢~plusdo~∔~plusdu~⨥~pluse~⩲~plussim~⨦~plustwo~⨧~pm~±~pointint~⨕~popf~𝕡~pr~≺~prE~⪳~prap~⪷~prcue~≼~pre~⪯~prec~≺~precapprox~⪷~preccurlyeq~≼~preceq~⪯~precnapprox~⪹~precneqq~⪵~precnsim~⋨~precsim~≾~primes~ℙ~prnE~⪵~prnap~⪹~prnsim~⋨~profalar~⌮~profline~⌒~profsurf~⌓~propto~∝~prsim~≾~prurel~⊰~pscr~𝓅~puncsp~ ~qfr~𝔮~qint~⨌~qopf~𝕢~qprime~⁗~qscr~𝓆~quaternions~ℍ~quatint~⨖~quest~?~questeq~≟~rAarr~⇛~rAtail~⤜~rBarr~⤏~rHar~⥤~race~∽̱~racute~ŕ~raemptyv~⦳~rangd~⦒~range~⦥~rangle~⟩~rarrap~⥵~rarrb~⇥~rarrbfs~⤠~rarrc~⤳~rarrfs~⤞~rarrhk~↪~rarrlp~↬~rarrpl~⥅~rarrsim~⥴~rarrtl~↣~rarrw~↝~ratail~⤚~ratio~∶~rationals~ℚ~rbarr~⤍~rbbrk~❳~rbrace~}~rbrack~]~rbrke~⦌~rbrksld~⦎~rbrkslu~⦐~rcaron~ř~rcedil~ŗ~rcub~}~rcy~р~rdca~⤷~rdldhar~⥩~rdquor~”~rdsh~↳~realine~ℛ~realpart~ℜ~reals~ℝ~rect~▭~rfisht~⥽~rfr~𝔯~rhard~⇁~rharu~⇀~rharul~⥬~rhov~ϱ~rightarrow~→~rightarrowtail~↣~rightharpoondown~⇁~rightharpoonup~⇀~rightleftarrows~⇄~rightleftharpoons~⇌~rightrightarrows~⇉~rightsquigarrow~↝~rightthreetimes~⋌~ring~˚~risingdotseq~≓~rlarr~⇄~rlhar~⇌~rmoust~⎱~rmoustache~⎱~rnmid~⫮~roang~⟭~roarr~⇾~robrk~⟧~ropar~⦆~ropf~𝕣~roplus~⨮~rotimes~⨵~rpar~)~rpargt~⦔~rppolint~⨒~rrarr~⇉~rscr~𝓇~rsh~↱~rsqb~]~rsquor~’~rthree~⋌~rtimes~⋊~rtri~▹~rtrie~⊵~rtrif~▸~rtriltri~⧎~ruluhar~⥨~rx~℞~sacute~ś~sc~≻~scE~⪴~scap~⪸~sccue~≽~sce~⪰~scedil~ş~scirc~ŝ~scnE~⪶~scnap~⪺~scnsim~⋩~scpolint~⨓~scsim~≿~scy~с~sdotb~⊡~sdote~⩦~seArr~⇘~searhk~⤥~searr~↘~searrow~↘~semi~;~seswar~⤩~setminus~∖~setmn~∖~sext~✶~sfr~𝔰~sfrown~⌢~sharp~♯~shchcy~щ~shcy~ш~shortmid~∣~shortparallel~∥~sigmav~ς~simdot~⩪~sime~≃~simeq~≃~simg~⪞~simgE~⪠~siml~⪝~simlE~⪟~simne~≆~simplus~⨤~simrarr~⥲~slarr~←~smallsetminus~∖~smashp~⨳~smeparsl~⧤~smid~∣~smile~⌣~smt~⪪~smte~⪬~smtes~⪬︀~softcy~ь~sol~/~solb~⧄~solbar~⌿~sopf~𝕤~spadesuit~♠~spar~∥~sqcap~⊓~sqcaps~⊓︀~sqcup~⊔~sqcups~⊔︀~sqsub~⊏~sqsube~⊑~sqsubset~⊏~sqsubseteq~⊑~sqsup~⊐~sqsupe~⊒~sqsupset~⊐~sqsupseteq~⊒~squ~□~square~□~squarf~▪~squf~▪~srarr~→~sscr~𝓈~ssetmn~∖~ssmile~⌣~sstarf~⋆~star~☆~starf~★~straightepsilon~ϵ~straightphi~ϕ~strns~¯~subE~⫅~subdot~⪽~subedot~⫃~submult~⫁~subnE~⫋~subne~⊊~subplus~⪿~subrarr~⥹~subset~⊂~subseteq~⊆~subseteqq~⫅~subsetneq~⊊~subsetneqq~⫋~subsim~⫇~subsub~⫕~subsup~⫓~succ~≻~succapprox~⪸~succcurlyeq~≽~succeq~⪰~succnapprox~⪺~succneqq~⪶~succnsim~⋩~succsim~≿~sung~♪~supE~⫆~supdot~⪾~supdsub~⫘~supedot~⫄~suphsol~⟉~suphsub~⫗~suplarr~⥻~supmult~⫂~supnE~⫌~supne~⊋~supplus~⫀~supset~⊃~supseteq~⊇~supseteqq~⫆~supsetneq~⊋~supsetneqq~⫌~supsim~⫈~supsub~⫔~supsup~⫖~swArr~⇙~swarhk~⤦~swarr~↙~swarrow~↙~swnwar~⤪~target~⌖~tbrk~⎴~tcaron~ť~tcedil~ţ~tcy~т~tdot~⃛~telrec~⌕~tfr~𝔱~therefore~∴~thetav~ϑ~thickapprox~≈~thicksim~∼~thkap~≈~thksim~∼~timesb~⊠~timesbar~⨱~timesd~⨰~tint~∭~toea~⤨~top~⊤~topbot~⌶~topcir~⫱~topf~𝕥~topfork~⫚~tosa~⤩~tprime~‴~triangle~▵~triangledown~▿~triangleleft~◃~trianglelefteq~⊴~triangleq~≜~triangleright~▹~trianglerighteq~⊵~tridot~◬~trie~≜~triminus~⨺~triplus~⨹~trisb~⧍~tritime~⨻~trpezium~⏢~tscr~𝓉~tscy~ц~tshcy~ћ~tstrok~ŧ~twixt~≬~twoheadleftarrow~↞~twoheadrightarrow~↠~uHar~⥣~ubrcy~ў~ubreve~ŭ~ucy~у~udarr~⇅~udblac~ű~udhar~⥮~ufisht~⥾~ufr~𝔲~uharl~↿~uharr~↾~uhblk~▀~ulcorn~⌜~ulcorner~⌜~ulcrop~⌏~ultri~◸~umacr~ū~uogon~ų~uopf~𝕦~uparrow~↑~updownarrow~↕~upharpoonleft~↿~upharpoonright~↾~uplus~⊎~upsi~υ~upuparrows~⇈~urcorn~⌝~urcorner~⌝~urcrop~⌎~uring~ů~urtri~◹~uscr~𝓊~utdot~⋰~utilde~ũ~utri~▵~utrif~▴~uuarr~⇈~uwangle~⦧~vArr~⇕~vBar~⫨~vBarv~⫩~vDash~⊨~vangrt~⦜~varepsilon~ϵ~varkappa~ϰ~varnothing~∅~varphi~ϕ~varpi~ϖ~varpropto~∝~varr~↕~varrho~ϱ~varsigma~ς~varsubsetneq~⊊︀~varsubsetneqq~⫋︀~varsupsetneq~⊋︀~varsupsetneqq~⫌︀~vartheta~ϑ~vartriangleleft~⊲~vartriangleright~⊳~vcy~в~vdash~⊢~vee~∨~veebar~⊻~veeeq~≚~vellip~⋮~verbar~|~vert~|~vfr~𝔳~vltri~⊲~vnsub~⊂⃒~vnsup~⊃⃒~vopf~𝕧~vprop~∝~vrtri~⊳~vscr~𝓋~vsubnE~⫋︀~vsubne~⊊︀~vsupnE~⫌︀~vsupne~⊋︀~vzigzag~⦚~wcirc~ŵ~wedbar~⩟~wedge~∧~wedgeq~≙~wfr~𝔴~wopf~𝕨~wp~℘~wr~≀~wreath~≀~wscr~𝓌~xcap~⋂~xcirc~◯~xcup~⋃~xdtri~▽~xfr~𝔵~xhArr~⟺~xharr~⟷~xlArr~⟸~xlarr~⟵~xmap~⟼~xnis~⋻~xodot~⨀~xopf~𝕩~xoplus~⨁~xotime~⨂~xrArr~⟹~xrarr~⟶~xscr~𝓍~xsqcup~⨆~xuplus~⨄~xutri~△~xvee~⋁~xwedge~⋀~yacy~я~ycirc~ŷ~ycy~ы~yfr~𝔶~yicy~ї~yopf~𝕪~yscr~𝓎~yucy~ю~zacute~ź~zcaron~ž~zcy~з~zdot~ż~zeetrf~ℨ~zfr~𝔷~zhcy~ж~zigrarr~⇝~zopf~𝕫~zscr~𝓏~~AMP~&~COPY~©~GT~>~LT~<~QUOT~"~REG~®', exports.namedReferences["html4"]);
  }
});

// node_modules/html-entities/dist/commonjs/numeric-unicode-map.js
var require_numeric_unicode_map = __commonJS({
  "node_modules/html-entities/dist/commonjs/numeric-unicode-map.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.numericUnicodeMap = void 0;
    exports.numericUnicodeMap = {
      0: 65533,
      128: 8364,
      130: 8218,
      131: 402,
      132: 8222,
      133: 8230,
      134: 8224,
      135: 8225,
      136: 710,
      137: 8240,
      138: 352,
      139: 8249,
      140: 338,
      142: 381,
      145: 8216,
      146: 8217,
      147: 8220,
      148: 8221,
      149: 8226,
      150: 8211,
      151: 8212,
      152: 732,
      153: 8482,
      154: 353,
      155: 8250,
      156: 339,
      158: 382,
      159: 376
    };
  }
});

// node_modules/html-entities/dist/commonjs/surrogate-pairs.js
var require_surrogate_pairs = __commonJS({
  "node_modules/html-entities/dist/commonjs/surrogate-pairs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.highSurrogateTo = exports.highSurrogateFrom = exports.getCodePoint = exports.fromCodePoint = void 0;
    exports.fromCodePoint = String.fromCodePoint || function(astralCodePoint) {
      return String.fromCharCode(Math.floor((astralCodePoint - 65536) / 1024) + 55296, (astralCodePoint - 65536) % 1024 + 56320);
    };
    exports.getCodePoint = String.prototype.codePointAt ? function(input, position) {
      return input.codePointAt(position);
    } : function(input, position) {
      return (input.charCodeAt(position) - 55296) * 1024 + input.charCodeAt(position + 1) - 56320 + 65536;
    };
    exports.highSurrogateFrom = 55296;
    exports.highSurrogateTo = 56319;
  }
});

// node_modules/html-entities/dist/commonjs/index.js
var require_commonjs = __commonJS({
  "node_modules/html-entities/dist/commonjs/index.js"(exports) {
    "use strict";
    var __assign = exports && exports.__assign || function() {
      __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
            t[p] = s[p];
        }
        return t;
      };
      return __assign.apply(this, arguments);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.encode = encode;
    exports.decodeEntity = decodeEntity;
    exports.decode = decode;
    var named_references_js_1 = require_named_references();
    var numeric_unicode_map_js_1 = require_numeric_unicode_map();
    var surrogate_pairs_js_1 = require_surrogate_pairs();
    var allNamedReferences = __assign(__assign({}, named_references_js_1.namedReferences), { all: named_references_js_1.namedReferences.html5 });
    var encodeRegExps = {
      specialChars: /[<>'"&]/g,
      nonAscii: /[<>'"&\u0080-\uD7FF\uE000-\uFFFF\uDC00-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]?/g,
      nonAsciiPrintable: /[<>'"&\x01-\x08\x11-\x15\x17-\x1F\x7f-\uD7FF\uE000-\uFFFF\uDC00-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]?/g,
      nonAsciiPrintableOnly: /[\x01-\x08\x11-\x15\x17-\x1F\x7f-\uD7FF\uE000-\uFFFF\uDC00-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]?/g,
      extensive: /[\x01-\x0c\x0e-\x1f\x21-\x2c\x2e-\x2f\x3a-\x40\x5b-\x60\x7b-\x7d\x7f-\uD7FF\uE000-\uFFFF\uDC00-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]?/g
    };
    var defaultEncodeOptions = {
      mode: "specialChars",
      level: "all",
      numeric: "decimal"
    };
    function encode(text, _a) {
      var _b = _a === void 0 ? defaultEncodeOptions : _a, _c = _b.mode, mode = _c === void 0 ? "specialChars" : _c, _d = _b.numeric, numeric = _d === void 0 ? "decimal" : _d, _e = _b.level, level = _e === void 0 ? "all" : _e;
      if (!text) {
        return "";
      }
      var encodeRegExp = encodeRegExps[mode];
      var references = allNamedReferences[level].characters;
      var isHex = numeric === "hexadecimal";
      return String.prototype.replace.call(text, encodeRegExp, function(input) {
        var result = references[input];
        if (!result) {
          var code = input.length > 1 ? (0, surrogate_pairs_js_1.getCodePoint)(input, 0) : input.charCodeAt(0);
          result = (isHex ? "&#x" + code.toString(16) : "&#" + code) + ";";
        }
        return result;
      });
    }
    var defaultDecodeOptions = {
      scope: "body",
      level: "all"
    };
    var strict = /&(?:#\d+|#[xX][\da-fA-F]+|[0-9a-zA-Z]+);/g;
    var attribute = /&(?:#\d+|#[xX][\da-fA-F]+|[0-9a-zA-Z]+)[;=]?/g;
    var baseDecodeRegExps = {
      xml: {
        strict,
        attribute,
        body: named_references_js_1.bodyRegExps.xml
      },
      html4: {
        strict,
        attribute,
        body: named_references_js_1.bodyRegExps.html4
      },
      html5: {
        strict,
        attribute,
        body: named_references_js_1.bodyRegExps.html5
      }
    };
    var decodeRegExps = __assign(__assign({}, baseDecodeRegExps), { all: baseDecodeRegExps.html5 });
    var fromCharCode = String.fromCharCode;
    var outOfBoundsChar = fromCharCode(65533);
    var defaultDecodeEntityOptions = {
      level: "all"
    };
    function getDecodedEntity(entity, references, isAttribute, isStrict) {
      var decodeResult = entity;
      var decodeEntityLastChar = entity[entity.length - 1];
      if (isAttribute && decodeEntityLastChar === "=") {
        decodeResult = entity;
      } else if (isStrict && decodeEntityLastChar !== ";") {
        decodeResult = entity;
      } else {
        var decodeResultByReference = references[entity];
        if (decodeResultByReference) {
          decodeResult = decodeResultByReference;
        } else if (entity[0] === "&" && entity[1] === "#") {
          var decodeSecondChar = entity[2];
          var decodeCode = decodeSecondChar == "x" || decodeSecondChar == "X" ? parseInt(entity.substr(3), 16) : parseInt(entity.substr(2));
          decodeResult = decodeCode >= 1114111 ? outOfBoundsChar : decodeCode > 65535 ? (0, surrogate_pairs_js_1.fromCodePoint)(decodeCode) : fromCharCode(numeric_unicode_map_js_1.numericUnicodeMap[decodeCode] || decodeCode);
        }
      }
      return decodeResult;
    }
    function decodeEntity(entity, _a) {
      var _b = _a === void 0 ? defaultDecodeEntityOptions : _a, _c = _b.level, level = _c === void 0 ? "all" : _c;
      if (!entity) {
        return "";
      }
      return getDecodedEntity(entity, allNamedReferences[level].entities, false, false);
    }
    function decode(text, _a) {
      var _b = _a === void 0 ? defaultDecodeOptions : _a, _c = _b.level, level = _c === void 0 ? "all" : _c, _d = _b.scope, scope = _d === void 0 ? level === "xml" ? "strict" : "body" : _d;
      if (!text) {
        return "";
      }
      var decodeRegExp = decodeRegExps[level][scope];
      var references = allNamedReferences[level].entities;
      var isAttribute = scope === "attribute";
      var isStrict = scope === "strict";
      return text.replace(decodeRegExp, function(entity) {
        return getDecodedEntity(entity, references, isAttribute, isStrict);
      });
    }
  }
});

// node_modules/retry-request/index.js
var require_retry_request = __commonJS({
  "node_modules/retry-request/index.js"(exports, module) {
    "use strict";
    var { PassThrough } = __require("stream");
    var extend = require_extend();
    var debug = () => {
    };
    if (typeof process !== "undefined" && "env" in process && typeof process.env === "object" && process.env.DEBUG === "retry-request") {
      debug = (message) => {
        console.log("retry-request:", message);
      };
    }
    var DEFAULTS = {
      objectMode: false,
      retries: 2,
      /*
        The maximum time to delay in seconds. If retryDelayMultiplier results in a
        delay greater than maxRetryDelay, retries should delay by maxRetryDelay
        seconds instead.
      */
      maxRetryDelay: 64,
      /*
        The multiplier by which to increase the delay time between the completion of
        failed requests, and the initiation of the subsequent retrying request.
      */
      retryDelayMultiplier: 2,
      /*
        The length of time to keep retrying in seconds. The last sleep period will
        be shortened as necessary, so that the last retry runs at deadline (and not
        considerably beyond it).  The total time starting from when the initial
        request is sent, after which an error will be returned, regardless of the
        retrying attempts made meanwhile.
       */
      totalTimeout: 600,
      noResponseRetries: 2,
      currentRetryAttempt: 0,
      shouldRetryFn: function(response) {
        const retryRanges = [
          // https://en.wikipedia.org/wiki/List_of_HTTP_status_codes
          // 1xx - Retry (Informational, request still processing)
          // 2xx - Do not retry (Success)
          // 3xx - Do not retry (Redirect)
          // 4xx - Do not retry (Client errors)
          // 429 - Retry ("Too Many Requests")
          // 5xx - Retry (Server errors)
          [100, 199],
          [429, 429],
          [500, 599]
        ];
        const statusCode = response.statusCode;
        debug(`Response status: ${statusCode}`);
        let range;
        while (range = retryRanges.shift()) {
          if (statusCode >= range[0] && statusCode <= range[1]) {
            return true;
          }
        }
      }
    };
    function retryRequest(requestOpts, opts, callback) {
      if (typeof requestOpts === "string") {
        requestOpts = { url: requestOpts };
      }
      const streamMode = typeof arguments[arguments.length - 1] !== "function";
      if (typeof opts === "function") {
        callback = opts;
      }
      const manualCurrentRetryAttemptWasSet = opts && typeof opts.currentRetryAttempt === "number";
      opts = extend({}, DEFAULTS, opts);
      if (typeof opts.request === "undefined") {
        throw new Error("A request library must be provided to retry-request.");
      }
      let currentRetryAttempt = opts.currentRetryAttempt;
      let numNoResponseAttempts = 0;
      let streamResponseHandled = false;
      let retryStream;
      let requestStream;
      let delayStream;
      let activeRequest;
      const retryRequest2 = {
        abort: function() {
          if (activeRequest && activeRequest.abort) {
            activeRequest.abort();
          }
        }
      };
      if (streamMode) {
        retryStream = new PassThrough({ objectMode: opts.objectMode });
        retryStream.abort = resetStreams;
      }
      const timeOfFirstRequest = Date.now();
      if (currentRetryAttempt > 0) {
        retryAfterDelay(currentRetryAttempt);
      } else {
        makeRequest();
      }
      if (streamMode) {
        return retryStream;
      } else {
        return retryRequest2;
      }
      function resetStreams() {
        delayStream = null;
        if (requestStream) {
          requestStream.abort && requestStream.abort();
          requestStream.cancel && requestStream.cancel();
          if (requestStream.destroy) {
            requestStream.destroy();
          } else if (requestStream.end) {
            requestStream.end();
          }
        }
      }
      function makeRequest() {
        let finishHandled = false;
        currentRetryAttempt++;
        debug(`Current retry attempt: ${currentRetryAttempt}`);
        function handleFinish(args = []) {
          if (!finishHandled) {
            finishHandled = true;
            retryStream.emit("complete", ...args);
          }
        }
        if (streamMode) {
          streamResponseHandled = false;
          delayStream = new PassThrough({ objectMode: opts.objectMode });
          requestStream = opts.request(requestOpts);
          setImmediate(() => {
            retryStream.emit("request");
          });
          requestStream.on("error", (err) => {
            if (streamResponseHandled) {
              return;
            }
            streamResponseHandled = true;
            onResponse(err);
          }).on("response", (resp, body) => {
            if (streamResponseHandled) {
              return;
            }
            streamResponseHandled = true;
            onResponse(null, resp, body);
          }).on("complete", (...params) => handleFinish(params)).on("finish", (...params) => handleFinish(params));
          requestStream.pipe(delayStream);
        } else {
          activeRequest = opts.request(requestOpts, onResponse);
        }
      }
      function retryAfterDelay(currentRetryAttempt2) {
        if (streamMode) {
          resetStreams();
        }
        const nextRetryDelay = getNextRetryDelay({
          maxRetryDelay: opts.maxRetryDelay,
          retryDelayMultiplier: opts.retryDelayMultiplier,
          retryNumber: currentRetryAttempt2,
          timeOfFirstRequest,
          totalTimeout: opts.totalTimeout
        });
        debug(`Next retry delay: ${nextRetryDelay}`);
        if (nextRetryDelay <= 0) {
          numNoResponseAttempts = opts.noResponseRetries + 1;
          return;
        }
        setTimeout(makeRequest, nextRetryDelay);
      }
      function onResponse(err, response, body) {
        if (err) {
          numNoResponseAttempts++;
          if (numNoResponseAttempts <= opts.noResponseRetries) {
            retryAfterDelay(numNoResponseAttempts);
          } else {
            if (streamMode) {
              retryStream.emit("error", err);
              retryStream.end();
            } else {
              callback(err, response, body);
            }
          }
          return;
        }
        const adjustedCurrentRetryAttempt = manualCurrentRetryAttemptWasSet ? currentRetryAttempt : currentRetryAttempt - 1;
        if (adjustedCurrentRetryAttempt < opts.retries && opts.shouldRetryFn(response)) {
          retryAfterDelay(currentRetryAttempt);
          return;
        }
        if (streamMode) {
          retryStream.emit("response", response);
          delayStream.pipe(retryStream);
          requestStream.on("error", (err2) => {
            retryStream.destroy(err2);
          });
        } else {
          callback(err, response, body);
        }
      }
    }
    module.exports = retryRequest;
    function getNextRetryDelay(config) {
      const {
        maxRetryDelay,
        retryDelayMultiplier,
        retryNumber,
        timeOfFirstRequest,
        totalTimeout
      } = config;
      const maxRetryDelayMs = maxRetryDelay * 1e3;
      const totalTimeoutMs = totalTimeout * 1e3;
      const jitter = Math.floor(Math.random() * 1e3);
      const calculatedNextRetryDelay = Math.pow(retryDelayMultiplier, retryNumber) * 1e3 + jitter;
      const maxAllowableDelayMs = totalTimeoutMs - (Date.now() - timeOfFirstRequest);
      return Math.min(
        calculatedNextRetryDelay,
        maxAllowableDelayMs,
        maxRetryDelayMs
      );
    }
    module.exports.defaults = DEFAULTS;
    module.exports.getNextRetryDelay = getNextRetryDelay;
  }
});

// node_modules/http-proxy-agent/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/http-proxy-agent/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HttpProxyAgent = void 0;
    var net = __importStar(__require("net"));
    var tls = __importStar(__require("tls"));
    var debug_1 = __importDefault(require_src());
    var events_1 = __require("events");
    var agent_base_1 = require_dist();
    var url_1 = __require("url");
    var debug = (0, debug_1.default)("http-proxy-agent");
    var HttpProxyAgent = class extends agent_base_1.Agent {
      constructor(proxy, opts) {
        super(opts);
        this.proxy = typeof proxy === "string" ? new url_1.URL(proxy) : proxy;
        this.proxyHeaders = opts?.headers ?? {};
        debug("Creating new HttpProxyAgent instance: %o", this.proxy.href);
        const host = (this.proxy.hostname || this.proxy.host).replace(/^\[|\]$/g, "");
        const port = this.proxy.port ? parseInt(this.proxy.port, 10) : this.proxy.protocol === "https:" ? 443 : 80;
        this.connectOpts = {
          ...opts ? omit(opts, "headers") : null,
          host,
          port
        };
      }
      addRequest(req, opts) {
        req._header = null;
        this.setRequestProps(req, opts);
        super.addRequest(req, opts);
      }
      setRequestProps(req, opts) {
        const { proxy } = this;
        const protocol = opts.secureEndpoint ? "https:" : "http:";
        const hostname = req.getHeader("host") || "localhost";
        const base = `${protocol}//${hostname}`;
        const url = new url_1.URL(req.path, base);
        if (opts.port !== 80) {
          url.port = String(opts.port);
        }
        req.path = String(url);
        const headers = typeof this.proxyHeaders === "function" ? this.proxyHeaders() : { ...this.proxyHeaders };
        if (proxy.username || proxy.password) {
          const auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
          headers["Proxy-Authorization"] = `Basic ${Buffer.from(auth).toString("base64")}`;
        }
        if (!headers["Proxy-Connection"]) {
          headers["Proxy-Connection"] = this.keepAlive ? "Keep-Alive" : "close";
        }
        for (const name of Object.keys(headers)) {
          const value = headers[name];
          if (value) {
            req.setHeader(name, value);
          }
        }
      }
      async connect(req, opts) {
        req._header = null;
        if (!req.path.includes("://")) {
          this.setRequestProps(req, opts);
        }
        let first;
        let endOfHeaders;
        debug("Regenerating stored HTTP header string for request");
        req._implicitHeader();
        if (req.outputData && req.outputData.length > 0) {
          debug("Patching connection write() output buffer with updated header");
          first = req.outputData[0].data;
          endOfHeaders = first.indexOf("\r\n\r\n") + 4;
          req.outputData[0].data = req._header + first.substring(endOfHeaders);
          debug("Output buffer: %o", req.outputData[0].data);
        }
        let socket;
        if (this.proxy.protocol === "https:") {
          debug("Creating `tls.Socket`: %o", this.connectOpts);
          socket = tls.connect(this.connectOpts);
        } else {
          debug("Creating `net.Socket`: %o", this.connectOpts);
          socket = net.connect(this.connectOpts);
        }
        await (0, events_1.once)(socket, "connect");
        return socket;
      }
    };
    HttpProxyAgent.protocols = ["http", "https"];
    exports.HttpProxyAgent = HttpProxyAgent;
    function omit(obj, ...keys) {
      const ret = {};
      let key;
      for (key in obj) {
        if (!keys.includes(key)) {
          ret[key] = obj[key];
        }
      }
      return ret;
    }
  }
});

// node_modules/teeny-request/build/src/agents.js
var require_agents = __commonJS({
  "node_modules/teeny-request/build/src/agents.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.pool = void 0;
    exports.getAgent = getAgent;
    var http_1 = __require("http");
    var https_1 = __require("https");
    exports.pool = /* @__PURE__ */ new Map();
    function shouldUseProxyForURI(uri) {
      const noProxyEnv = process.env.NO_PROXY || process.env.no_proxy;
      if (!noProxyEnv) {
        return true;
      }
      const givenURI = new URL(uri);
      for (const noProxyRaw of noProxyEnv.split(",")) {
        const noProxy = noProxyRaw.trim();
        if (noProxy === givenURI.origin || noProxy === givenURI.hostname) {
          return false;
        } else if (noProxy.startsWith("*.") || noProxy.startsWith(".")) {
          const noProxyWildcard = noProxy.replace(/^\*\./, ".");
          if (givenURI.hostname.endsWith(noProxyWildcard)) {
            return false;
          }
        }
      }
      return true;
    }
    function getAgent(uri, reqOpts) {
      const isHttp = uri.startsWith("http://");
      const proxy = reqOpts.proxy || process.env.HTTP_PROXY || process.env.http_proxy || process.env.HTTPS_PROXY || process.env.https_proxy;
      const poolOptions = Object.assign({}, reqOpts.pool);
      const manuallyProvidedProxy = !!reqOpts.proxy;
      const shouldUseProxy = manuallyProvidedProxy || shouldUseProxyForURI(uri);
      if (proxy && shouldUseProxy) {
        const { HttpProxyAgent } = require_dist3();
        const { HttpsProxyAgent } = require_dist2();
        const Agent = isHttp ? HttpProxyAgent : HttpsProxyAgent;
        return new Agent(proxy, poolOptions);
      }
      let key = isHttp ? "http" : "https";
      if (reqOpts.forever) {
        key += ":forever";
        if (!exports.pool.has(key)) {
          const Agent = isHttp ? http_1.Agent : https_1.Agent;
          exports.pool.set(key, new Agent({ ...poolOptions, keepAlive: true }));
        }
      }
      return exports.pool.get(key);
    }
  }
});

// node_modules/teeny-request/build/src/TeenyStatistics.js
var require_TeenyStatistics = __commonJS({
  "node_modules/teeny-request/build/src/TeenyStatistics.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TeenyStatistics = exports.TeenyStatisticsWarning = void 0;
    var TeenyStatisticsWarning = class extends Error {
      static CONCURRENT_REQUESTS = "ConcurrentRequestsExceededWarning";
      threshold = 0;
      type = "";
      value = 0;
      /**
       * @param {string} message
       */
      constructor(message) {
        super(message);
        this.name = this.constructor.name;
        Error.captureStackTrace(this, this.constructor);
      }
    };
    exports.TeenyStatisticsWarning = TeenyStatisticsWarning;
    var TeenyStatistics = class _TeenyStatistics {
      /**
       * @description A default threshold representing when to warn about excessive
       *   in-flight/concurrent requests.
       * @type {number}
       * @static
       * @readonly
       * @default 5000
       */
      static DEFAULT_WARN_CONCURRENT_REQUESTS = 5e3;
      /**
       * @type {TeenyStatisticsConfig}
       * @private
       */
      _options;
      /**
       * @type {number}
       * @private
       * @default 0
       */
      _concurrentRequests = 0;
      /**
       * @type {boolean}
       * @private
       * @default false
       */
      _didConcurrentRequestWarn = false;
      /**
       * @param {TeenyStatisticsOptions} [opts]
       */
      constructor(opts) {
        this._options = _TeenyStatistics._prepareOptions(opts);
      }
      /**
       * Returns a copy of the current options.
       * @return {TeenyStatisticsOptions}
       */
      getOptions() {
        return Object.assign({}, this._options);
      }
      /**
       * Change configured statistics options. This will not preserve unspecified
       *   options that were previously specified, i.e. this is a reset of options.
       * @param {TeenyStatisticsOptions} [opts]
       * @returns {TeenyStatisticsConfig} The previous options.
       * @see _prepareOptions
       */
      setOptions(opts) {
        const oldOpts = this._options;
        this._options = _TeenyStatistics._prepareOptions(opts);
        return oldOpts;
      }
      /**
       * @readonly
       * @return {TeenyStatisticsCounters}
       */
      get counters() {
        return {
          concurrentRequests: this._concurrentRequests
        };
      }
      /**
       * @description Should call this right before making a request.
       */
      requestStarting() {
        this._concurrentRequests++;
        if (this._options.concurrentRequests > 0 && this._concurrentRequests >= this._options.concurrentRequests && !this._didConcurrentRequestWarn) {
          this._didConcurrentRequestWarn = true;
          const warning = new TeenyStatisticsWarning("Possible excessive concurrent requests detected. " + this._concurrentRequests + " requests in-flight, which exceeds the configured threshold of " + this._options.concurrentRequests + ". Use the TEENY_REQUEST_WARN_CONCURRENT_REQUESTS environment variable or the concurrentRequests option of teeny-request to increase or disable (0) this warning.");
          warning.type = TeenyStatisticsWarning.CONCURRENT_REQUESTS;
          warning.value = this._concurrentRequests;
          warning.threshold = this._options.concurrentRequests;
          process.emitWarning(warning);
        }
      }
      /**
       * @description When using `requestStarting`, call this after the request
       *   has finished.
       */
      requestFinished() {
        this._concurrentRequests--;
      }
      /**
       * Configuration Precedence:
       *   1. Dependency inversion via defined option.
       *   2. Global numeric environment variable.
       *   3. Built-in default.
       * This will not preserve unspecified options previously specified.
       * @param {TeenyStatisticsOptions} [opts]
       * @returns {TeenyStatisticsOptions}
       * @private
       */
      static _prepareOptions({ concurrentRequests: diConcurrentRequests } = {}) {
        let concurrentRequests = this.DEFAULT_WARN_CONCURRENT_REQUESTS;
        const envConcurrentRequests = Number(process.env.TEENY_REQUEST_WARN_CONCURRENT_REQUESTS);
        if (diConcurrentRequests !== void 0) {
          concurrentRequests = diConcurrentRequests;
        } else if (!Number.isNaN(envConcurrentRequests)) {
          concurrentRequests = envConcurrentRequests;
        }
        return { concurrentRequests };
      }
    };
    exports.TeenyStatistics = TeenyStatistics;
  }
});

// node_modules/stubs/index.js
var require_stubs = __commonJS({
  "node_modules/stubs/index.js"(exports, module) {
    "use strict";
    module.exports = function stubs(obj, method, cfg, stub) {
      if (!obj || !method || !obj[method])
        throw new Error("You must provide an object and a key for an existing method");
      if (!stub) {
        stub = cfg;
        cfg = {};
      }
      stub = stub || function() {
      };
      cfg.callthrough = cfg.callthrough || false;
      cfg.calls = cfg.calls || 0;
      var norevert = cfg.calls === 0;
      var cached = obj[method].bind(obj);
      obj[method] = function() {
        var args = [].slice.call(arguments);
        var returnVal;
        if (cfg.callthrough)
          returnVal = cached.apply(obj, args);
        returnVal = stub.apply(obj, args) || returnVal;
        if (!norevert && --cfg.calls === 0)
          obj[method] = cached;
        return returnVal;
      };
    };
  }
});

// node_modules/stream-events/index.js
var require_stream_events = __commonJS({
  "node_modules/stream-events/index.js"(exports, module) {
    "use strict";
    var stubs = require_stubs();
    function StreamEvents(stream) {
      stream = stream || this;
      var cfg = {
        callthrough: true,
        calls: 1
      };
      stubs(stream, "_read", cfg, stream.emit.bind(stream, "reading"));
      stubs(stream, "_write", cfg, stream.emit.bind(stream, "writing"));
      return stream;
    }
    module.exports = StreamEvents;
  }
});

// node_modules/teeny-request/build/src/index.js
var require_src5 = __commonJS({
  "node_modules/teeny-request/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RequestError = void 0;
    exports.teenyRequest = teenyRequest;
    var stream_1 = __require("stream");
    var agents_1 = require_agents();
    var TeenyStatistics_1 = require_TeenyStatistics();
    var crypto_1 = __require("crypto");
    var streamEvents = require_stream_events();
    var fetch = (...args) => import("./src-NSDT6LN5.js").then(({ default: fetch2 }) => fetch2(...args));
    var RequestError = class extends Error {
      code;
    };
    exports.RequestError = RequestError;
    function requestToFetchOptions(reqOpts) {
      const options = {
        method: reqOpts.method || "GET",
        ...reqOpts.timeout && { timeout: reqOpts.timeout },
        ...typeof reqOpts.gzip === "boolean" && { compress: reqOpts.gzip }
      };
      if (typeof reqOpts.json === "object") {
        reqOpts.headers = reqOpts.headers || {};
        if (reqOpts.headers instanceof globalThis.Headers) {
          reqOpts.headers.set("Content-Type", "application/json");
        } else {
          reqOpts.headers["Content-Type"] = "application/json";
        }
        options.body = JSON.stringify(reqOpts.json);
      } else {
        if (Buffer.isBuffer(reqOpts.body)) {
          options.body = reqOpts.body;
        } else if (typeof reqOpts.body !== "string") {
          options.body = JSON.stringify(reqOpts.body);
        } else {
          options.body = reqOpts.body;
        }
      }
      if (reqOpts.headers instanceof globalThis.Headers) {
        options.headers = {};
        for (const pair of reqOpts.headers.entries()) {
          options.headers[pair[0]] = pair[1];
        }
      } else {
        options.headers = reqOpts.headers;
      }
      let uri = reqOpts.uri || reqOpts.url;
      if (!uri) {
        throw new Error("Missing uri or url in reqOpts.");
      }
      if (reqOpts.useQuerystring === true || typeof reqOpts.qs === "object") {
        const qs = __require("querystring");
        const params = qs.stringify(reqOpts.qs);
        uri = uri + "?" + params;
      }
      options.agent = (0, agents_1.getAgent)(uri, reqOpts);
      return { uri, options };
    }
    function fetchToRequestResponse(opts, res) {
      const request = {};
      request.agent = opts.agent || false;
      request.headers = opts.headers || {};
      request.href = res.url;
      const resHeaders = {};
      res.headers.forEach((value, key) => resHeaders[key] = value);
      const response = Object.assign(res.body, {
        statusCode: res.status,
        statusMessage: res.statusText,
        request,
        body: res.body,
        headers: resHeaders,
        toJSON: () => ({ headers: resHeaders })
      });
      return response;
    }
    function createMultipartStream(boundary, multipart) {
      const finale = `--${boundary}--`;
      const stream = new stream_1.PassThrough();
      for (const part of multipart) {
        const preamble = `--${boundary}\r
Content-Type: ${part["Content-Type"]}\r
\r
`;
        stream.write(preamble);
        if (typeof part.body === "string") {
          stream.write(part.body);
          stream.write("\r\n");
        } else {
          part.body.pipe(stream, { end: false });
          part.body.on("end", () => {
            stream.write("\r\n");
            stream.write(finale);
            stream.end();
          });
        }
      }
      return stream;
    }
    function teenyRequest(reqOpts, callback) {
      const { uri, options } = requestToFetchOptions(reqOpts);
      const multipart = reqOpts.multipart;
      if (reqOpts.multipart && multipart.length === 2) {
        if (!callback) {
          throw new Error("Multipart without callback is not implemented.");
        }
        const boundary = (0, crypto_1.randomUUID)();
        options.headers["Content-Type"] = `multipart/related; boundary=${boundary}`;
        options.body = createMultipartStream(boundary, multipart);
        teenyRequest.stats.requestStarting();
        fetch(uri, options).then((res) => {
          teenyRequest.stats.requestFinished();
          const header = res.headers.get("content-type");
          const response = fetchToRequestResponse(options, res);
          const body = response.body;
          if (header === "application/json" || header === "application/json; charset=utf-8") {
            res.json().then((json) => {
              response.body = json;
              callback(null, response, json);
            }, (err) => {
              callback(err, response, body);
            });
            return;
          }
          res.text().then((text) => {
            response.body = text;
            callback(null, response, text);
          }, (err) => {
            callback(err, response, body);
          });
        }, (err) => {
          teenyRequest.stats.requestFinished();
          callback(err, null, null);
        });
        return;
      }
      if (callback === void 0) {
        const requestStream = streamEvents(new stream_1.PassThrough());
        let responseStream;
        requestStream.once("reading", () => {
          if (responseStream) {
            (0, stream_1.pipeline)(responseStream, requestStream, () => {
            });
          } else {
            requestStream.once("response", () => {
              (0, stream_1.pipeline)(responseStream, requestStream, () => {
              });
            });
          }
        });
        options.compress = false;
        teenyRequest.stats.requestStarting();
        fetch(uri, options).then((res) => {
          teenyRequest.stats.requestFinished();
          responseStream = res.body;
          responseStream.on("error", (err) => {
            requestStream.emit("error", err);
          });
          const response = fetchToRequestResponse(options, res);
          requestStream.emit("response", response);
        }, (err) => {
          teenyRequest.stats.requestFinished();
          requestStream.emit("error", err);
        });
        return requestStream;
      }
      teenyRequest.stats.requestStarting();
      fetch(uri, options).then((res) => {
        teenyRequest.stats.requestFinished();
        const header = res.headers.get("content-type");
        const response = fetchToRequestResponse(options, res);
        const body = response.body;
        if (header === "application/json" || header === "application/json; charset=utf-8") {
          if (response.statusCode === 204) {
            callback(null, response, body);
            return;
          }
          res.json().then((json) => {
            response.body = json;
            callback(null, response, json);
          }, (err) => {
            callback(err, response, body);
          });
          return;
        }
        res.text().then((text) => {
          const response2 = fetchToRequestResponse(options, res);
          response2.body = text;
          callback(null, response2, text);
        }, (err) => {
          callback(err, response, body);
        });
      }, (err) => {
        teenyRequest.stats.requestFinished();
        callback(err, null, null);
      });
      return;
    }
    teenyRequest.defaults = (defaults) => {
      return (reqOpts, callback) => {
        const opts = { ...defaults, ...reqOpts };
        if (callback === void 0) {
          return teenyRequest(opts);
        }
        teenyRequest(opts, callback);
      };
    };
    teenyRequest.stats = new TeenyStatistics_1.TeenyStatistics();
    teenyRequest.resetStats = () => {
      teenyRequest.stats = new TeenyStatistics_1.TeenyStatistics(teenyRequest.stats.getOptions());
    };
  }
});

// node_modules/@google-cloud/common/build/src/service.js
var require_service = __commonJS({
  "node_modules/@google-cloud/common/build/src/service.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Service = exports.DEFAULT_PROJECT_ID_TOKEN = void 0;
    var arrify = require_arrify();
    var extend = require_extend();
    var util_1 = require_util();
    exports.DEFAULT_PROJECT_ID_TOKEN = "{{projectId}}";
    var Service = class _Service {
      baseUrl;
      globalInterceptors;
      interceptors;
      packageJson;
      projectId;
      projectIdRequired;
      providedUserAgent;
      makeAuthenticatedRequest;
      authClient;
      getCredentials;
      apiEndpoint;
      timeout;
      /**
       * Service is a base class, meant to be inherited from by a "service," like
       * BigQuery or Storage.
       *
       * This handles making authenticated requests by exposing a `makeReq_`
       * function.
       *
       * @constructor
       * @alias module:common/service
       *
       * @param {object} config - Configuration object.
       * @param {string} config.baseUrl - The base URL to make API requests to.
       * @param {string[]} config.scopes - The scopes required for the request.
       * @param {object=} options - [Configuration object](#/docs).
       */
      constructor(config, options = {}) {
        this.baseUrl = config.baseUrl;
        this.apiEndpoint = config.apiEndpoint;
        this.timeout = options.timeout;
        this.globalInterceptors = arrify(options.interceptors_);
        this.interceptors = [];
        this.packageJson = config.packageJson;
        this.projectId = options.projectId || exports.DEFAULT_PROJECT_ID_TOKEN;
        this.projectIdRequired = config.projectIdRequired !== false;
        this.providedUserAgent = options.userAgent;
        const reqCfg = extend({}, config, {
          projectIdRequired: this.projectIdRequired,
          projectId: this.projectId,
          authClient: options.authClient,
          credentials: options.credentials,
          keyFile: options.keyFilename,
          email: options.email,
          token: options.token
        });
        this.makeAuthenticatedRequest = util_1.util.makeAuthenticatedRequestFactory(reqCfg);
        this.authClient = this.makeAuthenticatedRequest.authClient;
        this.getCredentials = this.makeAuthenticatedRequest.getCredentials;
        const isCloudFunctionEnv = !!process.env.FUNCTION_NAME;
        if (isCloudFunctionEnv) {
          this.interceptors.push({
            request(reqOpts) {
              reqOpts.forever = false;
              return reqOpts;
            }
          });
        }
      }
      /**
       * Return the user's custom request interceptors.
       */
      getRequestInterceptors() {
        return [].slice.call(this.globalInterceptors).concat(this.interceptors).filter((interceptor) => typeof interceptor.request === "function").map((interceptor) => interceptor.request);
      }
      getProjectId(callback) {
        if (!callback) {
          return this.getProjectIdAsync();
        }
        this.getProjectIdAsync().then((p) => callback(null, p), callback);
      }
      async getProjectIdAsync() {
        const projectId = await this.authClient.getProjectId();
        if (this.projectId === exports.DEFAULT_PROJECT_ID_TOKEN && projectId) {
          this.projectId = projectId;
        }
        return this.projectId;
      }
      request_(reqOpts, callback) {
        reqOpts = extend(true, {}, reqOpts, { timeout: this.timeout });
        const isAbsoluteUrl = reqOpts.uri.indexOf("http") === 0;
        const uriComponents = [this.baseUrl];
        if (this.projectIdRequired) {
          if (reqOpts.projectId) {
            uriComponents.push("projects");
            uriComponents.push(reqOpts.projectId);
          } else {
            uriComponents.push("projects");
            uriComponents.push(this.projectId);
          }
        }
        uriComponents.push(reqOpts.uri);
        if (isAbsoluteUrl) {
          uriComponents.splice(0, uriComponents.indexOf(reqOpts.uri));
        }
        reqOpts.uri = uriComponents.map((uriComponent) => {
          const trimSlashesRegex = /^\/*|\/*$/g;
          return uriComponent.replace(trimSlashesRegex, "");
        }).join("/").replace(/\/:/g, ":");
        const requestInterceptors = this.getRequestInterceptors();
        arrify(reqOpts.interceptors_).forEach((interceptor) => {
          if (typeof interceptor.request === "function") {
            requestInterceptors.push(interceptor.request);
          }
        });
        requestInterceptors.forEach((requestInterceptor) => {
          reqOpts = requestInterceptor(reqOpts);
        });
        delete reqOpts.interceptors_;
        const pkg = this.packageJson;
        let userAgent = util_1.util.getUserAgentFromPackageJson(pkg);
        if (this.providedUserAgent) {
          userAgent = `${this.providedUserAgent} ${userAgent}`;
        }
        reqOpts.headers = extend({}, reqOpts.headers, {
          "User-Agent": userAgent,
          "x-goog-api-client": `gl-node/${process.versions.node} gccl/${pkg.version}`
        });
        if (reqOpts.shouldReturnStream) {
          return this.makeAuthenticatedRequest(reqOpts);
        } else {
          this.makeAuthenticatedRequest(reqOpts, callback);
        }
      }
      /**
       * Make an authenticated API request.
       *
       * @param {object} reqOpts - Request options that are passed to `request`.
       * @param {string} reqOpts.uri - A URI relative to the baseUrl.
       * @param {function} callback - The callback function passed to `request`.
       */
      request(reqOpts, callback) {
        _Service.prototype.request_.call(this, reqOpts, callback);
      }
      /**
       * Make an authenticated API request.
       *
       * @param {object} reqOpts - Request options that are passed to `request`.
       * @param {string} reqOpts.uri - A URI relative to the baseUrl.
       */
      requestStream(reqOpts) {
        const opts = extend(true, reqOpts, { shouldReturnStream: true });
        return _Service.prototype.request_.call(this, opts);
      }
    };
    exports.Service = Service;
  }
});

// node_modules/readable-stream/lib/internal/streams/stream.js
var require_stream = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/stream.js"(exports, module) {
    module.exports = __require("stream");
  }
});

// node_modules/readable-stream/lib/internal/streams/buffer_list.js
var require_buffer_list = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/buffer_list.js"(exports, module) {
    "use strict";
    function ownKeys(object, enumerableOnly) {
      var keys = Object.keys(object);
      if (Object.getOwnPropertySymbols) {
        var symbols = Object.getOwnPropertySymbols(object);
        enumerableOnly && (symbols = symbols.filter(function(sym) {
          return Object.getOwnPropertyDescriptor(object, sym).enumerable;
        })), keys.push.apply(keys, symbols);
      }
      return keys;
    }
    function _objectSpread(target) {
      for (var i = 1; i < arguments.length; i++) {
        var source = null != arguments[i] ? arguments[i] : {};
        i % 2 ? ownKeys(Object(source), true).forEach(function(key) {
          _defineProperty(target, key, source[key]);
        }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(target, Object.getOwnPropertyDescriptors(source)) : ownKeys(Object(source)).forEach(function(key) {
          Object.defineProperty(target, key, Object.getOwnPropertyDescriptor(source, key));
        });
      }
      return target;
    }
    function _defineProperty(obj, key, value) {
      key = _toPropertyKey(key);
      if (key in obj) {
        Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      } else {
        obj[key] = value;
      }
      return obj;
    }
    function _classCallCheck(instance, Constructor) {
      if (!(instance instanceof Constructor)) {
        throw new TypeError("Cannot call a class as a function");
      }
    }
    function _defineProperties(target, props) {
      for (var i = 0; i < props.length; i++) {
        var descriptor = props[i];
        descriptor.enumerable = descriptor.enumerable || false;
        descriptor.configurable = true;
        if ("value" in descriptor) descriptor.writable = true;
        Object.defineProperty(target, _toPropertyKey(descriptor.key), descriptor);
      }
    }
    function _createClass(Constructor, protoProps, staticProps) {
      if (protoProps) _defineProperties(Constructor.prototype, protoProps);
      if (staticProps) _defineProperties(Constructor, staticProps);
      Object.defineProperty(Constructor, "prototype", { writable: false });
      return Constructor;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key === "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input !== "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res !== "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    var _require = __require("buffer");
    var Buffer2 = _require.Buffer;
    var _require2 = __require("util");
    var inspect = _require2.inspect;
    var custom = inspect && inspect.custom || "inspect";
    function copyBuffer(src, target, offset) {
      Buffer2.prototype.copy.call(src, target, offset);
    }
    module.exports = /* @__PURE__ */ (function() {
      function BufferList() {
        _classCallCheck(this, BufferList);
        this.head = null;
        this.tail = null;
        this.length = 0;
      }
      _createClass(BufferList, [{
        key: "push",
        value: function push(v) {
          var entry = {
            data: v,
            next: null
          };
          if (this.length > 0) this.tail.next = entry;
          else this.head = entry;
          this.tail = entry;
          ++this.length;
        }
      }, {
        key: "unshift",
        value: function unshift(v) {
          var entry = {
            data: v,
            next: this.head
          };
          if (this.length === 0) this.tail = entry;
          this.head = entry;
          ++this.length;
        }
      }, {
        key: "shift",
        value: function shift() {
          if (this.length === 0) return;
          var ret = this.head.data;
          if (this.length === 1) this.head = this.tail = null;
          else this.head = this.head.next;
          --this.length;
          return ret;
        }
      }, {
        key: "clear",
        value: function clear() {
          this.head = this.tail = null;
          this.length = 0;
        }
      }, {
        key: "join",
        value: function join(s) {
          if (this.length === 0) return "";
          var p = this.head;
          var ret = "" + p.data;
          while (p = p.next) ret += s + p.data;
          return ret;
        }
      }, {
        key: "concat",
        value: function concat(n) {
          if (this.length === 0) return Buffer2.alloc(0);
          var ret = Buffer2.allocUnsafe(n >>> 0);
          var p = this.head;
          var i = 0;
          while (p) {
            copyBuffer(p.data, ret, i);
            i += p.data.length;
            p = p.next;
          }
          return ret;
        }
        // Consumes a specified amount of bytes or characters from the buffered data.
      }, {
        key: "consume",
        value: function consume(n, hasStrings) {
          var ret;
          if (n < this.head.data.length) {
            ret = this.head.data.slice(0, n);
            this.head.data = this.head.data.slice(n);
          } else if (n === this.head.data.length) {
            ret = this.shift();
          } else {
            ret = hasStrings ? this._getString(n) : this._getBuffer(n);
          }
          return ret;
        }
      }, {
        key: "first",
        value: function first() {
          return this.head.data;
        }
        // Consumes a specified amount of characters from the buffered data.
      }, {
        key: "_getString",
        value: function _getString(n) {
          var p = this.head;
          var c = 1;
          var ret = p.data;
          n -= ret.length;
          while (p = p.next) {
            var str = p.data;
            var nb = n > str.length ? str.length : n;
            if (nb === str.length) ret += str;
            else ret += str.slice(0, n);
            n -= nb;
            if (n === 0) {
              if (nb === str.length) {
                ++c;
                if (p.next) this.head = p.next;
                else this.head = this.tail = null;
              } else {
                this.head = p;
                p.data = str.slice(nb);
              }
              break;
            }
            ++c;
          }
          this.length -= c;
          return ret;
        }
        // Consumes a specified amount of bytes from the buffered data.
      }, {
        key: "_getBuffer",
        value: function _getBuffer(n) {
          var ret = Buffer2.allocUnsafe(n);
          var p = this.head;
          var c = 1;
          p.data.copy(ret);
          n -= p.data.length;
          while (p = p.next) {
            var buf = p.data;
            var nb = n > buf.length ? buf.length : n;
            buf.copy(ret, ret.length - n, 0, nb);
            n -= nb;
            if (n === 0) {
              if (nb === buf.length) {
                ++c;
                if (p.next) this.head = p.next;
                else this.head = this.tail = null;
              } else {
                this.head = p;
                p.data = buf.slice(nb);
              }
              break;
            }
            ++c;
          }
          this.length -= c;
          return ret;
        }
        // Make sure the linked list only shows the minimal necessary information.
      }, {
        key: custom,
        value: function value(_, options) {
          return inspect(this, _objectSpread(_objectSpread({}, options), {}, {
            // Only inspect one level.
            depth: 0,
            // It should not recurse.
            customInspect: false
          }));
        }
      }]);
      return BufferList;
    })();
  }
});

// node_modules/readable-stream/lib/internal/streams/destroy.js
var require_destroy = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/destroy.js"(exports, module) {
    "use strict";
    function destroy(err, cb) {
      var _this = this;
      var readableDestroyed = this._readableState && this._readableState.destroyed;
      var writableDestroyed = this._writableState && this._writableState.destroyed;
      if (readableDestroyed || writableDestroyed) {
        if (cb) {
          cb(err);
        } else if (err) {
          if (!this._writableState) {
            process.nextTick(emitErrorNT, this, err);
          } else if (!this._writableState.errorEmitted) {
            this._writableState.errorEmitted = true;
            process.nextTick(emitErrorNT, this, err);
          }
        }
        return this;
      }
      if (this._readableState) {
        this._readableState.destroyed = true;
      }
      if (this._writableState) {
        this._writableState.destroyed = true;
      }
      this._destroy(err || null, function(err2) {
        if (!cb && err2) {
          if (!_this._writableState) {
            process.nextTick(emitErrorAndCloseNT, _this, err2);
          } else if (!_this._writableState.errorEmitted) {
            _this._writableState.errorEmitted = true;
            process.nextTick(emitErrorAndCloseNT, _this, err2);
          } else {
            process.nextTick(emitCloseNT, _this);
          }
        } else if (cb) {
          process.nextTick(emitCloseNT, _this);
          cb(err2);
        } else {
          process.nextTick(emitCloseNT, _this);
        }
      });
      return this;
    }
    function emitErrorAndCloseNT(self2, err) {
      emitErrorNT(self2, err);
      emitCloseNT(self2);
    }
    function emitCloseNT(self2) {
      if (self2._writableState && !self2._writableState.emitClose) return;
      if (self2._readableState && !self2._readableState.emitClose) return;
      self2.emit("close");
    }
    function undestroy() {
      if (this._readableState) {
        this._readableState.destroyed = false;
        this._readableState.reading = false;
        this._readableState.ended = false;
        this._readableState.endEmitted = false;
      }
      if (this._writableState) {
        this._writableState.destroyed = false;
        this._writableState.ended = false;
        this._writableState.ending = false;
        this._writableState.finalCalled = false;
        this._writableState.prefinished = false;
        this._writableState.finished = false;
        this._writableState.errorEmitted = false;
      }
    }
    function emitErrorNT(self2, err) {
      self2.emit("error", err);
    }
    function errorOrDestroy(stream, err) {
      var rState = stream._readableState;
      var wState = stream._writableState;
      if (rState && rState.autoDestroy || wState && wState.autoDestroy) stream.destroy(err);
      else stream.emit("error", err);
    }
    module.exports = {
      destroy,
      undestroy,
      errorOrDestroy
    };
  }
});

// node_modules/readable-stream/errors.js
var require_errors = __commonJS({
  "node_modules/readable-stream/errors.js"(exports, module) {
    "use strict";
    var codes = {};
    function createErrorType(code, message, Base) {
      if (!Base) {
        Base = Error;
      }
      function getMessage(arg1, arg2, arg3) {
        if (typeof message === "string") {
          return message;
        } else {
          return message(arg1, arg2, arg3);
        }
      }
      class NodeError extends Base {
        constructor(arg1, arg2, arg3) {
          super(getMessage(arg1, arg2, arg3));
        }
      }
      NodeError.prototype.name = Base.name;
      NodeError.prototype.code = code;
      codes[code] = NodeError;
    }
    function oneOf(expected, thing) {
      if (Array.isArray(expected)) {
        const len = expected.length;
        expected = expected.map((i) => String(i));
        if (len > 2) {
          return `one of ${thing} ${expected.slice(0, len - 1).join(", ")}, or ` + expected[len - 1];
        } else if (len === 2) {
          return `one of ${thing} ${expected[0]} or ${expected[1]}`;
        } else {
          return `of ${thing} ${expected[0]}`;
        }
      } else {
        return `of ${thing} ${String(expected)}`;
      }
    }
    function startsWith(str, search, pos) {
      return str.substr(!pos || pos < 0 ? 0 : +pos, search.length) === search;
    }
    function endsWith(str, search, this_len) {
      if (this_len === void 0 || this_len > str.length) {
        this_len = str.length;
      }
      return str.substring(this_len - search.length, this_len) === search;
    }
    function includes(str, search, start) {
      if (typeof start !== "number") {
        start = 0;
      }
      if (start + search.length > str.length) {
        return false;
      } else {
        return str.indexOf(search, start) !== -1;
      }
    }
    createErrorType("ERR_INVALID_OPT_VALUE", function(name, value) {
      return 'The value "' + value + '" is invalid for option "' + name + '"';
    }, TypeError);
    createErrorType("ERR_INVALID_ARG_TYPE", function(name, expected, actual) {
      let determiner;
      if (typeof expected === "string" && startsWith(expected, "not ")) {
        determiner = "must not be";
        expected = expected.replace(/^not /, "");
      } else {
        determiner = "must be";
      }
      let msg;
      if (endsWith(name, " argument")) {
        msg = `The ${name} ${determiner} ${oneOf(expected, "type")}`;
      } else {
        const type = includes(name, ".") ? "property" : "argument";
        msg = `The "${name}" ${type} ${determiner} ${oneOf(expected, "type")}`;
      }
      msg += `. Received type ${typeof actual}`;
      return msg;
    }, TypeError);
    createErrorType("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
    createErrorType("ERR_METHOD_NOT_IMPLEMENTED", function(name) {
      return "The " + name + " method is not implemented";
    });
    createErrorType("ERR_STREAM_PREMATURE_CLOSE", "Premature close");
    createErrorType("ERR_STREAM_DESTROYED", function(name) {
      return "Cannot call " + name + " after a stream was destroyed";
    });
    createErrorType("ERR_MULTIPLE_CALLBACK", "Callback called multiple times");
    createErrorType("ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable");
    createErrorType("ERR_STREAM_WRITE_AFTER_END", "write after end");
    createErrorType("ERR_STREAM_NULL_VALUES", "May not write null values to stream", TypeError);
    createErrorType("ERR_UNKNOWN_ENCODING", function(arg) {
      return "Unknown encoding: " + arg;
    }, TypeError);
    createErrorType("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event");
    module.exports.codes = codes;
  }
});

// node_modules/readable-stream/lib/internal/streams/state.js
var require_state = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/state.js"(exports, module) {
    "use strict";
    var ERR_INVALID_OPT_VALUE = require_errors().codes.ERR_INVALID_OPT_VALUE;
    function highWaterMarkFrom(options, isDuplex, duplexKey) {
      return options.highWaterMark != null ? options.highWaterMark : isDuplex ? options[duplexKey] : null;
    }
    function getHighWaterMark(state, options, duplexKey, isDuplex) {
      var hwm = highWaterMarkFrom(options, isDuplex, duplexKey);
      if (hwm != null) {
        if (!(isFinite(hwm) && Math.floor(hwm) === hwm) || hwm < 0) {
          var name = isDuplex ? duplexKey : "highWaterMark";
          throw new ERR_INVALID_OPT_VALUE(name, hwm);
        }
        return Math.floor(hwm);
      }
      return state.objectMode ? 16 : 16 * 1024;
    }
    module.exports = {
      getHighWaterMark
    };
  }
});

// node_modules/inherits/inherits_browser.js
var require_inherits_browser = __commonJS({
  "node_modules/inherits/inherits_browser.js"(exports, module) {
    if (typeof Object.create === "function") {
      module.exports = function inherits(ctor, superCtor) {
        if (superCtor) {
          ctor.super_ = superCtor;
          ctor.prototype = Object.create(superCtor.prototype, {
            constructor: {
              value: ctor,
              enumerable: false,
              writable: true,
              configurable: true
            }
          });
        }
      };
    } else {
      module.exports = function inherits(ctor, superCtor) {
        if (superCtor) {
          ctor.super_ = superCtor;
          var TempCtor = function() {
          };
          TempCtor.prototype = superCtor.prototype;
          ctor.prototype = new TempCtor();
          ctor.prototype.constructor = ctor;
        }
      };
    }
  }
});

// node_modules/inherits/inherits.js
var require_inherits = __commonJS({
  "node_modules/inherits/inherits.js"(exports, module) {
    try {
      util = __require("util");
      if (typeof util.inherits !== "function") throw "";
      module.exports = util.inherits;
    } catch (e) {
      module.exports = require_inherits_browser();
    }
    var util;
  }
});

// node_modules/util-deprecate/node.js
var require_node = __commonJS({
  "node_modules/util-deprecate/node.js"(exports, module) {
    module.exports = __require("util").deprecate;
  }
});

// node_modules/readable-stream/lib/_stream_writable.js
var require_stream_writable = __commonJS({
  "node_modules/readable-stream/lib/_stream_writable.js"(exports, module) {
    "use strict";
    module.exports = Writable;
    function CorkedRequest(state) {
      var _this = this;
      this.next = null;
      this.entry = null;
      this.finish = function() {
        onCorkedFinish(_this, state);
      };
    }
    var Duplex;
    Writable.WritableState = WritableState;
    var internalUtil = {
      deprecate: require_node()
    };
    var Stream = require_stream();
    var Buffer2 = __require("buffer").Buffer;
    var OurUint8Array = (typeof global !== "undefined" ? global : typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : {}).Uint8Array || function() {
    };
    function _uint8ArrayToBuffer(chunk) {
      return Buffer2.from(chunk);
    }
    function _isUint8Array(obj) {
      return Buffer2.isBuffer(obj) || obj instanceof OurUint8Array;
    }
    var destroyImpl = require_destroy();
    var _require = require_state();
    var getHighWaterMark = _require.getHighWaterMark;
    var _require$codes = require_errors().codes;
    var ERR_INVALID_ARG_TYPE = _require$codes.ERR_INVALID_ARG_TYPE;
    var ERR_METHOD_NOT_IMPLEMENTED = _require$codes.ERR_METHOD_NOT_IMPLEMENTED;
    var ERR_MULTIPLE_CALLBACK = _require$codes.ERR_MULTIPLE_CALLBACK;
    var ERR_STREAM_CANNOT_PIPE = _require$codes.ERR_STREAM_CANNOT_PIPE;
    var ERR_STREAM_DESTROYED = _require$codes.ERR_STREAM_DESTROYED;
    var ERR_STREAM_NULL_VALUES = _require$codes.ERR_STREAM_NULL_VALUES;
    var ERR_STREAM_WRITE_AFTER_END = _require$codes.ERR_STREAM_WRITE_AFTER_END;
    var ERR_UNKNOWN_ENCODING = _require$codes.ERR_UNKNOWN_ENCODING;
    var errorOrDestroy = destroyImpl.errorOrDestroy;
    require_inherits()(Writable, Stream);
    function nop() {
    }
    function WritableState(options, stream, isDuplex) {
      Duplex = Duplex || require_stream_duplex();
      options = options || {};
      if (typeof isDuplex !== "boolean") isDuplex = stream instanceof Duplex;
      this.objectMode = !!options.objectMode;
      if (isDuplex) this.objectMode = this.objectMode || !!options.writableObjectMode;
      this.highWaterMark = getHighWaterMark(this, options, "writableHighWaterMark", isDuplex);
      this.finalCalled = false;
      this.needDrain = false;
      this.ending = false;
      this.ended = false;
      this.finished = false;
      this.destroyed = false;
      var noDecode = options.decodeStrings === false;
      this.decodeStrings = !noDecode;
      this.defaultEncoding = options.defaultEncoding || "utf8";
      this.length = 0;
      this.writing = false;
      this.corked = 0;
      this.sync = true;
      this.bufferProcessing = false;
      this.onwrite = function(er) {
        onwrite(stream, er);
      };
      this.writecb = null;
      this.writelen = 0;
      this.bufferedRequest = null;
      this.lastBufferedRequest = null;
      this.pendingcb = 0;
      this.prefinished = false;
      this.errorEmitted = false;
      this.emitClose = options.emitClose !== false;
      this.autoDestroy = !!options.autoDestroy;
      this.bufferedRequestCount = 0;
      this.corkedRequestsFree = new CorkedRequest(this);
    }
    WritableState.prototype.getBuffer = function getBuffer() {
      var current = this.bufferedRequest;
      var out = [];
      while (current) {
        out.push(current);
        current = current.next;
      }
      return out;
    };
    (function() {
      try {
        Object.defineProperty(WritableState.prototype, "buffer", {
          get: internalUtil.deprecate(function writableStateBufferGetter() {
            return this.getBuffer();
          }, "_writableState.buffer is deprecated. Use _writableState.getBuffer instead.", "DEP0003")
        });
      } catch (_) {
      }
    })();
    var realHasInstance;
    if (typeof Symbol === "function" && Symbol.hasInstance && typeof Function.prototype[Symbol.hasInstance] === "function") {
      realHasInstance = Function.prototype[Symbol.hasInstance];
      Object.defineProperty(Writable, Symbol.hasInstance, {
        value: function value(object) {
          if (realHasInstance.call(this, object)) return true;
          if (this !== Writable) return false;
          return object && object._writableState instanceof WritableState;
        }
      });
    } else {
      realHasInstance = function realHasInstance2(object) {
        return object instanceof this;
      };
    }
    function Writable(options) {
      Duplex = Duplex || require_stream_duplex();
      var isDuplex = this instanceof Duplex;
      if (!isDuplex && !realHasInstance.call(Writable, this)) return new Writable(options);
      this._writableState = new WritableState(options, this, isDuplex);
      this.writable = true;
      if (options) {
        if (typeof options.write === "function") this._write = options.write;
        if (typeof options.writev === "function") this._writev = options.writev;
        if (typeof options.destroy === "function") this._destroy = options.destroy;
        if (typeof options.final === "function") this._final = options.final;
      }
      Stream.call(this);
    }
    Writable.prototype.pipe = function() {
      errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE());
    };
    function writeAfterEnd(stream, cb) {
      var er = new ERR_STREAM_WRITE_AFTER_END();
      errorOrDestroy(stream, er);
      process.nextTick(cb, er);
    }
    function validChunk(stream, state, chunk, cb) {
      var er;
      if (chunk === null) {
        er = new ERR_STREAM_NULL_VALUES();
      } else if (typeof chunk !== "string" && !state.objectMode) {
        er = new ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer"], chunk);
      }
      if (er) {
        errorOrDestroy(stream, er);
        process.nextTick(cb, er);
        return false;
      }
      return true;
    }
    Writable.prototype.write = function(chunk, encoding, cb) {
      var state = this._writableState;
      var ret = false;
      var isBuf = !state.objectMode && _isUint8Array(chunk);
      if (isBuf && !Buffer2.isBuffer(chunk)) {
        chunk = _uint8ArrayToBuffer(chunk);
      }
      if (typeof encoding === "function") {
        cb = encoding;
        encoding = null;
      }
      if (isBuf) encoding = "buffer";
      else if (!encoding) encoding = state.defaultEncoding;
      if (typeof cb !== "function") cb = nop;
      if (state.ending) writeAfterEnd(this, cb);
      else if (isBuf || validChunk(this, state, chunk, cb)) {
        state.pendingcb++;
        ret = writeOrBuffer(this, state, isBuf, chunk, encoding, cb);
      }
      return ret;
    };
    Writable.prototype.cork = function() {
      this._writableState.corked++;
    };
    Writable.prototype.uncork = function() {
      var state = this._writableState;
      if (state.corked) {
        state.corked--;
        if (!state.writing && !state.corked && !state.bufferProcessing && state.bufferedRequest) clearBuffer(this, state);
      }
    };
    Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
      if (typeof encoding === "string") encoding = encoding.toLowerCase();
      if (!(["hex", "utf8", "utf-8", "ascii", "binary", "base64", "ucs2", "ucs-2", "utf16le", "utf-16le", "raw"].indexOf((encoding + "").toLowerCase()) > -1)) throw new ERR_UNKNOWN_ENCODING(encoding);
      this._writableState.defaultEncoding = encoding;
      return this;
    };
    Object.defineProperty(Writable.prototype, "writableBuffer", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._writableState && this._writableState.getBuffer();
      }
    });
    function decodeChunk(state, chunk, encoding) {
      if (!state.objectMode && state.decodeStrings !== false && typeof chunk === "string") {
        chunk = Buffer2.from(chunk, encoding);
      }
      return chunk;
    }
    Object.defineProperty(Writable.prototype, "writableHighWaterMark", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._writableState.highWaterMark;
      }
    });
    function writeOrBuffer(stream, state, isBuf, chunk, encoding, cb) {
      if (!isBuf) {
        var newChunk = decodeChunk(state, chunk, encoding);
        if (chunk !== newChunk) {
          isBuf = true;
          encoding = "buffer";
          chunk = newChunk;
        }
      }
      var len = state.objectMode ? 1 : chunk.length;
      state.length += len;
      var ret = state.length < state.highWaterMark;
      if (!ret) state.needDrain = true;
      if (state.writing || state.corked) {
        var last = state.lastBufferedRequest;
        state.lastBufferedRequest = {
          chunk,
          encoding,
          isBuf,
          callback: cb,
          next: null
        };
        if (last) {
          last.next = state.lastBufferedRequest;
        } else {
          state.bufferedRequest = state.lastBufferedRequest;
        }
        state.bufferedRequestCount += 1;
      } else {
        doWrite(stream, state, false, len, chunk, encoding, cb);
      }
      return ret;
    }
    function doWrite(stream, state, writev, len, chunk, encoding, cb) {
      state.writelen = len;
      state.writecb = cb;
      state.writing = true;
      state.sync = true;
      if (state.destroyed) state.onwrite(new ERR_STREAM_DESTROYED("write"));
      else if (writev) stream._writev(chunk, state.onwrite);
      else stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }
    function onwriteError(stream, state, sync, er, cb) {
      --state.pendingcb;
      if (sync) {
        process.nextTick(cb, er);
        process.nextTick(finishMaybe, stream, state);
        stream._writableState.errorEmitted = true;
        errorOrDestroy(stream, er);
      } else {
        cb(er);
        stream._writableState.errorEmitted = true;
        errorOrDestroy(stream, er);
        finishMaybe(stream, state);
      }
    }
    function onwriteStateUpdate(state) {
      state.writing = false;
      state.writecb = null;
      state.length -= state.writelen;
      state.writelen = 0;
    }
    function onwrite(stream, er) {
      var state = stream._writableState;
      var sync = state.sync;
      var cb = state.writecb;
      if (typeof cb !== "function") throw new ERR_MULTIPLE_CALLBACK();
      onwriteStateUpdate(state);
      if (er) onwriteError(stream, state, sync, er, cb);
      else {
        var finished = needFinish(state) || stream.destroyed;
        if (!finished && !state.corked && !state.bufferProcessing && state.bufferedRequest) {
          clearBuffer(stream, state);
        }
        if (sync) {
          process.nextTick(afterWrite, stream, state, finished, cb);
        } else {
          afterWrite(stream, state, finished, cb);
        }
      }
    }
    function afterWrite(stream, state, finished, cb) {
      if (!finished) onwriteDrain(stream, state);
      state.pendingcb--;
      cb();
      finishMaybe(stream, state);
    }
    function onwriteDrain(stream, state) {
      if (state.length === 0 && state.needDrain) {
        state.needDrain = false;
        stream.emit("drain");
      }
    }
    function clearBuffer(stream, state) {
      state.bufferProcessing = true;
      var entry = state.bufferedRequest;
      if (stream._writev && entry && entry.next) {
        var l = state.bufferedRequestCount;
        var buffer = new Array(l);
        var holder = state.corkedRequestsFree;
        holder.entry = entry;
        var count = 0;
        var allBuffers = true;
        while (entry) {
          buffer[count] = entry;
          if (!entry.isBuf) allBuffers = false;
          entry = entry.next;
          count += 1;
        }
        buffer.allBuffers = allBuffers;
        doWrite(stream, state, true, state.length, buffer, "", holder.finish);
        state.pendingcb++;
        state.lastBufferedRequest = null;
        if (holder.next) {
          state.corkedRequestsFree = holder.next;
          holder.next = null;
        } else {
          state.corkedRequestsFree = new CorkedRequest(state);
        }
        state.bufferedRequestCount = 0;
      } else {
        while (entry) {
          var chunk = entry.chunk;
          var encoding = entry.encoding;
          var cb = entry.callback;
          var len = state.objectMode ? 1 : chunk.length;
          doWrite(stream, state, false, len, chunk, encoding, cb);
          entry = entry.next;
          state.bufferedRequestCount--;
          if (state.writing) {
            break;
          }
        }
        if (entry === null) state.lastBufferedRequest = null;
      }
      state.bufferedRequest = entry;
      state.bufferProcessing = false;
    }
    Writable.prototype._write = function(chunk, encoding, cb) {
      cb(new ERR_METHOD_NOT_IMPLEMENTED("_write()"));
    };
    Writable.prototype._writev = null;
    Writable.prototype.end = function(chunk, encoding, cb) {
      var state = this._writableState;
      if (typeof chunk === "function") {
        cb = chunk;
        chunk = null;
        encoding = null;
      } else if (typeof encoding === "function") {
        cb = encoding;
        encoding = null;
      }
      if (chunk !== null && chunk !== void 0) this.write(chunk, encoding);
      if (state.corked) {
        state.corked = 1;
        this.uncork();
      }
      if (!state.ending) endWritable(this, state, cb);
      return this;
    };
    Object.defineProperty(Writable.prototype, "writableLength", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._writableState.length;
      }
    });
    function needFinish(state) {
      return state.ending && state.length === 0 && state.bufferedRequest === null && !state.finished && !state.writing;
    }
    function callFinal(stream, state) {
      stream._final(function(err) {
        state.pendingcb--;
        if (err) {
          errorOrDestroy(stream, err);
        }
        state.prefinished = true;
        stream.emit("prefinish");
        finishMaybe(stream, state);
      });
    }
    function prefinish(stream, state) {
      if (!state.prefinished && !state.finalCalled) {
        if (typeof stream._final === "function" && !state.destroyed) {
          state.pendingcb++;
          state.finalCalled = true;
          process.nextTick(callFinal, stream, state);
        } else {
          state.prefinished = true;
          stream.emit("prefinish");
        }
      }
    }
    function finishMaybe(stream, state) {
      var need = needFinish(state);
      if (need) {
        prefinish(stream, state);
        if (state.pendingcb === 0) {
          state.finished = true;
          stream.emit("finish");
          if (state.autoDestroy) {
            var rState = stream._readableState;
            if (!rState || rState.autoDestroy && rState.endEmitted) {
              stream.destroy();
            }
          }
        }
      }
      return need;
    }
    function endWritable(stream, state, cb) {
      state.ending = true;
      finishMaybe(stream, state);
      if (cb) {
        if (state.finished) process.nextTick(cb);
        else stream.once("finish", cb);
      }
      state.ended = true;
      stream.writable = false;
    }
    function onCorkedFinish(corkReq, state, err) {
      var entry = corkReq.entry;
      corkReq.entry = null;
      while (entry) {
        var cb = entry.callback;
        state.pendingcb--;
        cb(err);
        entry = entry.next;
      }
      state.corkedRequestsFree.next = corkReq;
    }
    Object.defineProperty(Writable.prototype, "destroyed", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        if (this._writableState === void 0) {
          return false;
        }
        return this._writableState.destroyed;
      },
      set: function set(value) {
        if (!this._writableState) {
          return;
        }
        this._writableState.destroyed = value;
      }
    });
    Writable.prototype.destroy = destroyImpl.destroy;
    Writable.prototype._undestroy = destroyImpl.undestroy;
    Writable.prototype._destroy = function(err, cb) {
      cb(err);
    };
  }
});

// node_modules/readable-stream/lib/_stream_duplex.js
var require_stream_duplex = __commonJS({
  "node_modules/readable-stream/lib/_stream_duplex.js"(exports, module) {
    "use strict";
    var objectKeys = Object.keys || function(obj) {
      var keys2 = [];
      for (var key in obj) keys2.push(key);
      return keys2;
    };
    module.exports = Duplex;
    var Readable = require_stream_readable();
    var Writable = require_stream_writable();
    require_inherits()(Duplex, Readable);
    {
      keys = objectKeys(Writable.prototype);
      for (v = 0; v < keys.length; v++) {
        method = keys[v];
        if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
      }
    }
    var keys;
    var method;
    var v;
    function Duplex(options) {
      if (!(this instanceof Duplex)) return new Duplex(options);
      Readable.call(this, options);
      Writable.call(this, options);
      this.allowHalfOpen = true;
      if (options) {
        if (options.readable === false) this.readable = false;
        if (options.writable === false) this.writable = false;
        if (options.allowHalfOpen === false) {
          this.allowHalfOpen = false;
          this.once("end", onend);
        }
      }
    }
    Object.defineProperty(Duplex.prototype, "writableHighWaterMark", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._writableState.highWaterMark;
      }
    });
    Object.defineProperty(Duplex.prototype, "writableBuffer", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._writableState && this._writableState.getBuffer();
      }
    });
    Object.defineProperty(Duplex.prototype, "writableLength", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._writableState.length;
      }
    });
    function onend() {
      if (this._writableState.ended) return;
      process.nextTick(onEndNT, this);
    }
    function onEndNT(self2) {
      self2.end();
    }
    Object.defineProperty(Duplex.prototype, "destroyed", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        if (this._readableState === void 0 || this._writableState === void 0) {
          return false;
        }
        return this._readableState.destroyed && this._writableState.destroyed;
      },
      set: function set(value) {
        if (this._readableState === void 0 || this._writableState === void 0) {
          return;
        }
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    });
  }
});

// node_modules/string_decoder/lib/string_decoder.js
var require_string_decoder = __commonJS({
  "node_modules/string_decoder/lib/string_decoder.js"(exports) {
    "use strict";
    var Buffer2 = require_safe_buffer().Buffer;
    var isEncoding = Buffer2.isEncoding || function(encoding) {
      encoding = "" + encoding;
      switch (encoding && encoding.toLowerCase()) {
        case "hex":
        case "utf8":
        case "utf-8":
        case "ascii":
        case "binary":
        case "base64":
        case "ucs2":
        case "ucs-2":
        case "utf16le":
        case "utf-16le":
        case "raw":
          return true;
        default:
          return false;
      }
    };
    function _normalizeEncoding(enc) {
      if (!enc) return "utf8";
      var retried;
      while (true) {
        switch (enc) {
          case "utf8":
          case "utf-8":
            return "utf8";
          case "ucs2":
          case "ucs-2":
          case "utf16le":
          case "utf-16le":
            return "utf16le";
          case "latin1":
          case "binary":
            return "latin1";
          case "base64":
          case "ascii":
          case "hex":
            return enc;
          default:
            if (retried) return;
            enc = ("" + enc).toLowerCase();
            retried = true;
        }
      }
    }
    function normalizeEncoding(enc) {
      var nenc = _normalizeEncoding(enc);
      if (typeof nenc !== "string" && (Buffer2.isEncoding === isEncoding || !isEncoding(enc))) throw new Error("Unknown encoding: " + enc);
      return nenc || enc;
    }
    exports.StringDecoder = StringDecoder;
    function StringDecoder(encoding) {
      this.encoding = normalizeEncoding(encoding);
      var nb;
      switch (this.encoding) {
        case "utf16le":
          this.text = utf16Text;
          this.end = utf16End;
          nb = 4;
          break;
        case "utf8":
          this.fillLast = utf8FillLast;
          nb = 4;
          break;
        case "base64":
          this.text = base64Text;
          this.end = base64End;
          nb = 3;
          break;
        default:
          this.write = simpleWrite;
          this.end = simpleEnd;
          return;
      }
      this.lastNeed = 0;
      this.lastTotal = 0;
      this.lastChar = Buffer2.allocUnsafe(nb);
    }
    StringDecoder.prototype.write = function(buf) {
      if (buf.length === 0) return "";
      var r;
      var i;
      if (this.lastNeed) {
        r = this.fillLast(buf);
        if (r === void 0) return "";
        i = this.lastNeed;
        this.lastNeed = 0;
      } else {
        i = 0;
      }
      if (i < buf.length) return r ? r + this.text(buf, i) : this.text(buf, i);
      return r || "";
    };
    StringDecoder.prototype.end = utf8End;
    StringDecoder.prototype.text = utf8Text;
    StringDecoder.prototype.fillLast = function(buf) {
      if (this.lastNeed <= buf.length) {
        buf.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, this.lastNeed);
        return this.lastChar.toString(this.encoding, 0, this.lastTotal);
      }
      buf.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, buf.length);
      this.lastNeed -= buf.length;
    };
    function utf8CheckByte(byte) {
      if (byte <= 127) return 0;
      else if (byte >> 5 === 6) return 2;
      else if (byte >> 4 === 14) return 3;
      else if (byte >> 3 === 30) return 4;
      return byte >> 6 === 2 ? -1 : -2;
    }
    function utf8CheckIncomplete(self2, buf, i) {
      var j = buf.length - 1;
      if (j < i) return 0;
      var nb = utf8CheckByte(buf[j]);
      if (nb >= 0) {
        if (nb > 0) self2.lastNeed = nb - 1;
        return nb;
      }
      if (--j < i || nb === -2) return 0;
      nb = utf8CheckByte(buf[j]);
      if (nb >= 0) {
        if (nb > 0) self2.lastNeed = nb - 2;
        return nb;
      }
      if (--j < i || nb === -2) return 0;
      nb = utf8CheckByte(buf[j]);
      if (nb >= 0) {
        if (nb > 0) {
          if (nb === 2) nb = 0;
          else self2.lastNeed = nb - 3;
        }
        return nb;
      }
      return 0;
    }
    function utf8CheckExtraBytes(self2, buf, p) {
      if ((buf[0] & 192) !== 128) {
        self2.lastNeed = 0;
        return "�";
      }
      if (self2.lastNeed > 1 && buf.length > 1) {
        if ((buf[1] & 192) !== 128) {
          self2.lastNeed = 1;
          return "�";
        }
        if (self2.lastNeed > 2 && buf.length > 2) {
          if ((buf[2] & 192) !== 128) {
            self2.lastNeed = 2;
            return "�";
          }
        }
      }
    }
    function utf8FillLast(buf) {
      var p = this.lastTotal - this.lastNeed;
      var r = utf8CheckExtraBytes(this, buf, p);
      if (r !== void 0) return r;
      if (this.lastNeed <= buf.length) {
        buf.copy(this.lastChar, p, 0, this.lastNeed);
        return this.lastChar.toString(this.encoding, 0, this.lastTotal);
      }
      buf.copy(this.lastChar, p, 0, buf.length);
      this.lastNeed -= buf.length;
    }
    function utf8Text(buf, i) {
      var total = utf8CheckIncomplete(this, buf, i);
      if (!this.lastNeed) return buf.toString("utf8", i);
      this.lastTotal = total;
      var end = buf.length - (total - this.lastNeed);
      buf.copy(this.lastChar, 0, end);
      return buf.toString("utf8", i, end);
    }
    function utf8End(buf) {
      var r = buf && buf.length ? this.write(buf) : "";
      if (this.lastNeed) return r + "�";
      return r;
    }
    function utf16Text(buf, i) {
      if ((buf.length - i) % 2 === 0) {
        var r = buf.toString("utf16le", i);
        if (r) {
          var c = r.charCodeAt(r.length - 1);
          if (c >= 55296 && c <= 56319) {
            this.lastNeed = 2;
            this.lastTotal = 4;
            this.lastChar[0] = buf[buf.length - 2];
            this.lastChar[1] = buf[buf.length - 1];
            return r.slice(0, -1);
          }
        }
        return r;
      }
      this.lastNeed = 1;
      this.lastTotal = 2;
      this.lastChar[0] = buf[buf.length - 1];
      return buf.toString("utf16le", i, buf.length - 1);
    }
    function utf16End(buf) {
      var r = buf && buf.length ? this.write(buf) : "";
      if (this.lastNeed) {
        var end = this.lastTotal - this.lastNeed;
        return r + this.lastChar.toString("utf16le", 0, end);
      }
      return r;
    }
    function base64Text(buf, i) {
      var n = (buf.length - i) % 3;
      if (n === 0) return buf.toString("base64", i);
      this.lastNeed = 3 - n;
      this.lastTotal = 3;
      if (n === 1) {
        this.lastChar[0] = buf[buf.length - 1];
      } else {
        this.lastChar[0] = buf[buf.length - 2];
        this.lastChar[1] = buf[buf.length - 1];
      }
      return buf.toString("base64", i, buf.length - n);
    }
    function base64End(buf) {
      var r = buf && buf.length ? this.write(buf) : "";
      if (this.lastNeed) return r + this.lastChar.toString("base64", 0, 3 - this.lastNeed);
      return r;
    }
    function simpleWrite(buf) {
      return buf.toString(this.encoding);
    }
    function simpleEnd(buf) {
      return buf && buf.length ? this.write(buf) : "";
    }
  }
});

// node_modules/readable-stream/lib/internal/streams/end-of-stream.js
var require_end_of_stream = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/end-of-stream.js"(exports, module) {
    "use strict";
    var ERR_STREAM_PREMATURE_CLOSE = require_errors().codes.ERR_STREAM_PREMATURE_CLOSE;
    function once(callback) {
      var called = false;
      return function() {
        if (called) return;
        called = true;
        for (var _len = arguments.length, args = new Array(_len), _key = 0; _key < _len; _key++) {
          args[_key] = arguments[_key];
        }
        callback.apply(this, args);
      };
    }
    function noop() {
    }
    function isRequest(stream) {
      return stream.setHeader && typeof stream.abort === "function";
    }
    function eos(stream, opts, callback) {
      if (typeof opts === "function") return eos(stream, null, opts);
      if (!opts) opts = {};
      callback = once(callback || noop);
      var readable = opts.readable || opts.readable !== false && stream.readable;
      var writable = opts.writable || opts.writable !== false && stream.writable;
      var onlegacyfinish = function onlegacyfinish2() {
        if (!stream.writable) onfinish();
      };
      var writableEnded = stream._writableState && stream._writableState.finished;
      var onfinish = function onfinish2() {
        writable = false;
        writableEnded = true;
        if (!readable) callback.call(stream);
      };
      var readableEnded = stream._readableState && stream._readableState.endEmitted;
      var onend = function onend2() {
        readable = false;
        readableEnded = true;
        if (!writable) callback.call(stream);
      };
      var onerror = function onerror2(err) {
        callback.call(stream, err);
      };
      var onclose = function onclose2() {
        var err;
        if (readable && !readableEnded) {
          if (!stream._readableState || !stream._readableState.ended) err = new ERR_STREAM_PREMATURE_CLOSE();
          return callback.call(stream, err);
        }
        if (writable && !writableEnded) {
          if (!stream._writableState || !stream._writableState.ended) err = new ERR_STREAM_PREMATURE_CLOSE();
          return callback.call(stream, err);
        }
      };
      var onrequest = function onrequest2() {
        stream.req.on("finish", onfinish);
      };
      if (isRequest(stream)) {
        stream.on("complete", onfinish);
        stream.on("abort", onclose);
        if (stream.req) onrequest();
        else stream.on("request", onrequest);
      } else if (writable && !stream._writableState) {
        stream.on("end", onlegacyfinish);
        stream.on("close", onlegacyfinish);
      }
      stream.on("end", onend);
      stream.on("finish", onfinish);
      if (opts.error !== false) stream.on("error", onerror);
      stream.on("close", onclose);
      return function() {
        stream.removeListener("complete", onfinish);
        stream.removeListener("abort", onclose);
        stream.removeListener("request", onrequest);
        if (stream.req) stream.req.removeListener("finish", onfinish);
        stream.removeListener("end", onlegacyfinish);
        stream.removeListener("close", onlegacyfinish);
        stream.removeListener("finish", onfinish);
        stream.removeListener("end", onend);
        stream.removeListener("error", onerror);
        stream.removeListener("close", onclose);
      };
    }
    module.exports = eos;
  }
});

// node_modules/readable-stream/lib/internal/streams/async_iterator.js
var require_async_iterator = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/async_iterator.js"(exports, module) {
    "use strict";
    var _Object$setPrototypeO;
    function _defineProperty(obj, key, value) {
      key = _toPropertyKey(key);
      if (key in obj) {
        Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      } else {
        obj[key] = value;
      }
      return obj;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key === "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input !== "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res !== "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    var finished = require_end_of_stream();
    var kLastResolve = /* @__PURE__ */ Symbol("lastResolve");
    var kLastReject = /* @__PURE__ */ Symbol("lastReject");
    var kError = /* @__PURE__ */ Symbol("error");
    var kEnded = /* @__PURE__ */ Symbol("ended");
    var kLastPromise = /* @__PURE__ */ Symbol("lastPromise");
    var kHandlePromise = /* @__PURE__ */ Symbol("handlePromise");
    var kStream = /* @__PURE__ */ Symbol("stream");
    function createIterResult(value, done) {
      return {
        value,
        done
      };
    }
    function readAndResolve(iter) {
      var resolve = iter[kLastResolve];
      if (resolve !== null) {
        var data = iter[kStream].read();
        if (data !== null) {
          iter[kLastPromise] = null;
          iter[kLastResolve] = null;
          iter[kLastReject] = null;
          resolve(createIterResult(data, false));
        }
      }
    }
    function onReadable(iter) {
      process.nextTick(readAndResolve, iter);
    }
    function wrapForNext(lastPromise, iter) {
      return function(resolve, reject) {
        lastPromise.then(function() {
          if (iter[kEnded]) {
            resolve(createIterResult(void 0, true));
            return;
          }
          iter[kHandlePromise](resolve, reject);
        }, reject);
      };
    }
    var AsyncIteratorPrototype = Object.getPrototypeOf(function() {
    });
    var ReadableStreamAsyncIteratorPrototype = Object.setPrototypeOf((_Object$setPrototypeO = {
      get stream() {
        return this[kStream];
      },
      next: function next() {
        var _this = this;
        var error = this[kError];
        if (error !== null) {
          return Promise.reject(error);
        }
        if (this[kEnded]) {
          return Promise.resolve(createIterResult(void 0, true));
        }
        if (this[kStream].destroyed) {
          return new Promise(function(resolve, reject) {
            process.nextTick(function() {
              if (_this[kError]) {
                reject(_this[kError]);
              } else {
                resolve(createIterResult(void 0, true));
              }
            });
          });
        }
        var lastPromise = this[kLastPromise];
        var promise;
        if (lastPromise) {
          promise = new Promise(wrapForNext(lastPromise, this));
        } else {
          var data = this[kStream].read();
          if (data !== null) {
            return Promise.resolve(createIterResult(data, false));
          }
          promise = new Promise(this[kHandlePromise]);
        }
        this[kLastPromise] = promise;
        return promise;
      }
    }, _defineProperty(_Object$setPrototypeO, Symbol.asyncIterator, function() {
      return this;
    }), _defineProperty(_Object$setPrototypeO, "return", function _return() {
      var _this2 = this;
      return new Promise(function(resolve, reject) {
        _this2[kStream].destroy(null, function(err) {
          if (err) {
            reject(err);
            return;
          }
          resolve(createIterResult(void 0, true));
        });
      });
    }), _Object$setPrototypeO), AsyncIteratorPrototype);
    var createReadableStreamAsyncIterator = function createReadableStreamAsyncIterator2(stream) {
      var _Object$create;
      var iterator = Object.create(ReadableStreamAsyncIteratorPrototype, (_Object$create = {}, _defineProperty(_Object$create, kStream, {
        value: stream,
        writable: true
      }), _defineProperty(_Object$create, kLastResolve, {
        value: null,
        writable: true
      }), _defineProperty(_Object$create, kLastReject, {
        value: null,
        writable: true
      }), _defineProperty(_Object$create, kError, {
        value: null,
        writable: true
      }), _defineProperty(_Object$create, kEnded, {
        value: stream._readableState.endEmitted,
        writable: true
      }), _defineProperty(_Object$create, kHandlePromise, {
        value: function value(resolve, reject) {
          var data = iterator[kStream].read();
          if (data) {
            iterator[kLastPromise] = null;
            iterator[kLastResolve] = null;
            iterator[kLastReject] = null;
            resolve(createIterResult(data, false));
          } else {
            iterator[kLastResolve] = resolve;
            iterator[kLastReject] = reject;
          }
        },
        writable: true
      }), _Object$create));
      iterator[kLastPromise] = null;
      finished(stream, function(err) {
        if (err && err.code !== "ERR_STREAM_PREMATURE_CLOSE") {
          var reject = iterator[kLastReject];
          if (reject !== null) {
            iterator[kLastPromise] = null;
            iterator[kLastResolve] = null;
            iterator[kLastReject] = null;
            reject(err);
          }
          iterator[kError] = err;
          return;
        }
        var resolve = iterator[kLastResolve];
        if (resolve !== null) {
          iterator[kLastPromise] = null;
          iterator[kLastResolve] = null;
          iterator[kLastReject] = null;
          resolve(createIterResult(void 0, true));
        }
        iterator[kEnded] = true;
      });
      stream.on("readable", onReadable.bind(null, iterator));
      return iterator;
    };
    module.exports = createReadableStreamAsyncIterator;
  }
});

// node_modules/readable-stream/lib/internal/streams/from.js
var require_from = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/from.js"(exports, module) {
    "use strict";
    function asyncGeneratorStep(gen, resolve, reject, _next, _throw, key, arg) {
      try {
        var info = gen[key](arg);
        var value = info.value;
      } catch (error) {
        reject(error);
        return;
      }
      if (info.done) {
        resolve(value);
      } else {
        Promise.resolve(value).then(_next, _throw);
      }
    }
    function _asyncToGenerator(fn) {
      return function() {
        var self2 = this, args = arguments;
        return new Promise(function(resolve, reject) {
          var gen = fn.apply(self2, args);
          function _next(value) {
            asyncGeneratorStep(gen, resolve, reject, _next, _throw, "next", value);
          }
          function _throw(err) {
            asyncGeneratorStep(gen, resolve, reject, _next, _throw, "throw", err);
          }
          _next(void 0);
        });
      };
    }
    function ownKeys(object, enumerableOnly) {
      var keys = Object.keys(object);
      if (Object.getOwnPropertySymbols) {
        var symbols = Object.getOwnPropertySymbols(object);
        enumerableOnly && (symbols = symbols.filter(function(sym) {
          return Object.getOwnPropertyDescriptor(object, sym).enumerable;
        })), keys.push.apply(keys, symbols);
      }
      return keys;
    }
    function _objectSpread(target) {
      for (var i = 1; i < arguments.length; i++) {
        var source = null != arguments[i] ? arguments[i] : {};
        i % 2 ? ownKeys(Object(source), true).forEach(function(key) {
          _defineProperty(target, key, source[key]);
        }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(target, Object.getOwnPropertyDescriptors(source)) : ownKeys(Object(source)).forEach(function(key) {
          Object.defineProperty(target, key, Object.getOwnPropertyDescriptor(source, key));
        });
      }
      return target;
    }
    function _defineProperty(obj, key, value) {
      key = _toPropertyKey(key);
      if (key in obj) {
        Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      } else {
        obj[key] = value;
      }
      return obj;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key === "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input !== "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res !== "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    var ERR_INVALID_ARG_TYPE = require_errors().codes.ERR_INVALID_ARG_TYPE;
    function from(Readable, iterable, opts) {
      var iterator;
      if (iterable && typeof iterable.next === "function") {
        iterator = iterable;
      } else if (iterable && iterable[Symbol.asyncIterator]) iterator = iterable[Symbol.asyncIterator]();
      else if (iterable && iterable[Symbol.iterator]) iterator = iterable[Symbol.iterator]();
      else throw new ERR_INVALID_ARG_TYPE("iterable", ["Iterable"], iterable);
      var readable = new Readable(_objectSpread({
        objectMode: true
      }, opts));
      var reading = false;
      readable._read = function() {
        if (!reading) {
          reading = true;
          next();
        }
      };
      function next() {
        return _next2.apply(this, arguments);
      }
      function _next2() {
        _next2 = _asyncToGenerator(function* () {
          try {
            var _yield$iterator$next = yield iterator.next(), value = _yield$iterator$next.value, done = _yield$iterator$next.done;
            if (done) {
              readable.push(null);
            } else if (readable.push(yield value)) {
              next();
            } else {
              reading = false;
            }
          } catch (err) {
            readable.destroy(err);
          }
        });
        return _next2.apply(this, arguments);
      }
      return readable;
    }
    module.exports = from;
  }
});

// node_modules/readable-stream/lib/_stream_readable.js
var require_stream_readable = __commonJS({
  "node_modules/readable-stream/lib/_stream_readable.js"(exports, module) {
    "use strict";
    module.exports = Readable;
    var Duplex;
    Readable.ReadableState = ReadableState;
    var EE = __require("events").EventEmitter;
    var EElistenerCount = function EElistenerCount2(emitter, type) {
      return emitter.listeners(type).length;
    };
    var Stream = require_stream();
    var Buffer2 = __require("buffer").Buffer;
    var OurUint8Array = (typeof global !== "undefined" ? global : typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : {}).Uint8Array || function() {
    };
    function _uint8ArrayToBuffer(chunk) {
      return Buffer2.from(chunk);
    }
    function _isUint8Array(obj) {
      return Buffer2.isBuffer(obj) || obj instanceof OurUint8Array;
    }
    var debugUtil = __require("util");
    var debug;
    if (debugUtil && debugUtil.debuglog) {
      debug = debugUtil.debuglog("stream");
    } else {
      debug = function debug2() {
      };
    }
    var BufferList = require_buffer_list();
    var destroyImpl = require_destroy();
    var _require = require_state();
    var getHighWaterMark = _require.getHighWaterMark;
    var _require$codes = require_errors().codes;
    var ERR_INVALID_ARG_TYPE = _require$codes.ERR_INVALID_ARG_TYPE;
    var ERR_STREAM_PUSH_AFTER_EOF = _require$codes.ERR_STREAM_PUSH_AFTER_EOF;
    var ERR_METHOD_NOT_IMPLEMENTED = _require$codes.ERR_METHOD_NOT_IMPLEMENTED;
    var ERR_STREAM_UNSHIFT_AFTER_END_EVENT = _require$codes.ERR_STREAM_UNSHIFT_AFTER_END_EVENT;
    var StringDecoder;
    var createReadableStreamAsyncIterator;
    var from;
    require_inherits()(Readable, Stream);
    var errorOrDestroy = destroyImpl.errorOrDestroy;
    var kProxyEvents = ["error", "close", "destroy", "pause", "resume"];
    function prependListener(emitter, event, fn) {
      if (typeof emitter.prependListener === "function") return emitter.prependListener(event, fn);
      if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
      else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
      else emitter._events[event] = [fn, emitter._events[event]];
    }
    function ReadableState(options, stream, isDuplex) {
      Duplex = Duplex || require_stream_duplex();
      options = options || {};
      if (typeof isDuplex !== "boolean") isDuplex = stream instanceof Duplex;
      this.objectMode = !!options.objectMode;
      if (isDuplex) this.objectMode = this.objectMode || !!options.readableObjectMode;
      this.highWaterMark = getHighWaterMark(this, options, "readableHighWaterMark", isDuplex);
      this.buffer = new BufferList();
      this.length = 0;
      this.pipes = null;
      this.pipesCount = 0;
      this.flowing = null;
      this.ended = false;
      this.endEmitted = false;
      this.reading = false;
      this.sync = true;
      this.needReadable = false;
      this.emittedReadable = false;
      this.readableListening = false;
      this.resumeScheduled = false;
      this.paused = true;
      this.emitClose = options.emitClose !== false;
      this.autoDestroy = !!options.autoDestroy;
      this.destroyed = false;
      this.defaultEncoding = options.defaultEncoding || "utf8";
      this.awaitDrain = 0;
      this.readingMore = false;
      this.decoder = null;
      this.encoding = null;
      if (options.encoding) {
        if (!StringDecoder) StringDecoder = require_string_decoder().StringDecoder;
        this.decoder = new StringDecoder(options.encoding);
        this.encoding = options.encoding;
      }
    }
    function Readable(options) {
      Duplex = Duplex || require_stream_duplex();
      if (!(this instanceof Readable)) return new Readable(options);
      var isDuplex = this instanceof Duplex;
      this._readableState = new ReadableState(options, this, isDuplex);
      this.readable = true;
      if (options) {
        if (typeof options.read === "function") this._read = options.read;
        if (typeof options.destroy === "function") this._destroy = options.destroy;
      }
      Stream.call(this);
    }
    Object.defineProperty(Readable.prototype, "destroyed", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        if (this._readableState === void 0) {
          return false;
        }
        return this._readableState.destroyed;
      },
      set: function set(value) {
        if (!this._readableState) {
          return;
        }
        this._readableState.destroyed = value;
      }
    });
    Readable.prototype.destroy = destroyImpl.destroy;
    Readable.prototype._undestroy = destroyImpl.undestroy;
    Readable.prototype._destroy = function(err, cb) {
      cb(err);
    };
    Readable.prototype.push = function(chunk, encoding) {
      var state = this._readableState;
      var skipChunkCheck;
      if (!state.objectMode) {
        if (typeof chunk === "string") {
          encoding = encoding || state.defaultEncoding;
          if (encoding !== state.encoding) {
            chunk = Buffer2.from(chunk, encoding);
            encoding = "";
          }
          skipChunkCheck = true;
        }
      } else {
        skipChunkCheck = true;
      }
      return readableAddChunk(this, chunk, encoding, false, skipChunkCheck);
    };
    Readable.prototype.unshift = function(chunk) {
      return readableAddChunk(this, chunk, null, true, false);
    };
    function readableAddChunk(stream, chunk, encoding, addToFront, skipChunkCheck) {
      debug("readableAddChunk", chunk);
      var state = stream._readableState;
      if (chunk === null) {
        state.reading = false;
        onEofChunk(stream, state);
      } else {
        var er;
        if (!skipChunkCheck) er = chunkInvalid(state, chunk);
        if (er) {
          errorOrDestroy(stream, er);
        } else if (state.objectMode || chunk && chunk.length > 0) {
          if (typeof chunk !== "string" && !state.objectMode && Object.getPrototypeOf(chunk) !== Buffer2.prototype) {
            chunk = _uint8ArrayToBuffer(chunk);
          }
          if (addToFront) {
            if (state.endEmitted) errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
            else addChunk(stream, state, chunk, true);
          } else if (state.ended) {
            errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
          } else if (state.destroyed) {
            return false;
          } else {
            state.reading = false;
            if (state.decoder && !encoding) {
              chunk = state.decoder.write(chunk);
              if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
              else maybeReadMore(stream, state);
            } else {
              addChunk(stream, state, chunk, false);
            }
          }
        } else if (!addToFront) {
          state.reading = false;
          maybeReadMore(stream, state);
        }
      }
      return !state.ended && (state.length < state.highWaterMark || state.length === 0);
    }
    function addChunk(stream, state, chunk, addToFront) {
      if (state.flowing && state.length === 0 && !state.sync) {
        state.awaitDrain = 0;
        stream.emit("data", chunk);
      } else {
        state.length += state.objectMode ? 1 : chunk.length;
        if (addToFront) state.buffer.unshift(chunk);
        else state.buffer.push(chunk);
        if (state.needReadable) emitReadable(stream);
      }
      maybeReadMore(stream, state);
    }
    function chunkInvalid(state, chunk) {
      var er;
      if (!_isUint8Array(chunk) && typeof chunk !== "string" && chunk !== void 0 && !state.objectMode) {
        er = new ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "Uint8Array"], chunk);
      }
      return er;
    }
    Readable.prototype.isPaused = function() {
      return this._readableState.flowing === false;
    };
    Readable.prototype.setEncoding = function(enc) {
      if (!StringDecoder) StringDecoder = require_string_decoder().StringDecoder;
      var decoder = new StringDecoder(enc);
      this._readableState.decoder = decoder;
      this._readableState.encoding = this._readableState.decoder.encoding;
      var p = this._readableState.buffer.head;
      var content = "";
      while (p !== null) {
        content += decoder.write(p.data);
        p = p.next;
      }
      this._readableState.buffer.clear();
      if (content !== "") this._readableState.buffer.push(content);
      this._readableState.length = content.length;
      return this;
    };
    var MAX_HWM = 1073741824;
    function computeNewHighWaterMark(n) {
      if (n >= MAX_HWM) {
        n = MAX_HWM;
      } else {
        n--;
        n |= n >>> 1;
        n |= n >>> 2;
        n |= n >>> 4;
        n |= n >>> 8;
        n |= n >>> 16;
        n++;
      }
      return n;
    }
    function howMuchToRead(n, state) {
      if (n <= 0 || state.length === 0 && state.ended) return 0;
      if (state.objectMode) return 1;
      if (n !== n) {
        if (state.flowing && state.length) return state.buffer.head.data.length;
        else return state.length;
      }
      if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
      if (n <= state.length) return n;
      if (!state.ended) {
        state.needReadable = true;
        return 0;
      }
      return state.length;
    }
    Readable.prototype.read = function(n) {
      debug("read", n);
      n = parseInt(n, 10);
      var state = this._readableState;
      var nOrig = n;
      if (n !== 0) state.emittedReadable = false;
      if (n === 0 && state.needReadable && ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
        debug("read: emitReadable", state.length, state.ended);
        if (state.length === 0 && state.ended) endReadable(this);
        else emitReadable(this);
        return null;
      }
      n = howMuchToRead(n, state);
      if (n === 0 && state.ended) {
        if (state.length === 0) endReadable(this);
        return null;
      }
      var doRead = state.needReadable;
      debug("need readable", doRead);
      if (state.length === 0 || state.length - n < state.highWaterMark) {
        doRead = true;
        debug("length less than watermark", doRead);
      }
      if (state.ended || state.reading) {
        doRead = false;
        debug("reading or ended", doRead);
      } else if (doRead) {
        debug("do read");
        state.reading = true;
        state.sync = true;
        if (state.length === 0) state.needReadable = true;
        this._read(state.highWaterMark);
        state.sync = false;
        if (!state.reading) n = howMuchToRead(nOrig, state);
      }
      var ret;
      if (n > 0) ret = fromList(n, state);
      else ret = null;
      if (ret === null) {
        state.needReadable = state.length <= state.highWaterMark;
        n = 0;
      } else {
        state.length -= n;
        state.awaitDrain = 0;
      }
      if (state.length === 0) {
        if (!state.ended) state.needReadable = true;
        if (nOrig !== n && state.ended) endReadable(this);
      }
      if (ret !== null) this.emit("data", ret);
      return ret;
    };
    function onEofChunk(stream, state) {
      debug("onEofChunk");
      if (state.ended) return;
      if (state.decoder) {
        var chunk = state.decoder.end();
        if (chunk && chunk.length) {
          state.buffer.push(chunk);
          state.length += state.objectMode ? 1 : chunk.length;
        }
      }
      state.ended = true;
      if (state.sync) {
        emitReadable(stream);
      } else {
        state.needReadable = false;
        if (!state.emittedReadable) {
          state.emittedReadable = true;
          emitReadable_(stream);
        }
      }
    }
    function emitReadable(stream) {
      var state = stream._readableState;
      debug("emitReadable", state.needReadable, state.emittedReadable);
      state.needReadable = false;
      if (!state.emittedReadable) {
        debug("emitReadable", state.flowing);
        state.emittedReadable = true;
        process.nextTick(emitReadable_, stream);
      }
    }
    function emitReadable_(stream) {
      var state = stream._readableState;
      debug("emitReadable_", state.destroyed, state.length, state.ended);
      if (!state.destroyed && (state.length || state.ended)) {
        stream.emit("readable");
        state.emittedReadable = false;
      }
      state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
      flow(stream);
    }
    function maybeReadMore(stream, state) {
      if (!state.readingMore) {
        state.readingMore = true;
        process.nextTick(maybeReadMore_, stream, state);
      }
    }
    function maybeReadMore_(stream, state) {
      while (!state.reading && !state.ended && (state.length < state.highWaterMark || state.flowing && state.length === 0)) {
        var len = state.length;
        debug("maybeReadMore read 0");
        stream.read(0);
        if (len === state.length)
          break;
      }
      state.readingMore = false;
    }
    Readable.prototype._read = function(n) {
      errorOrDestroy(this, new ERR_METHOD_NOT_IMPLEMENTED("_read()"));
    };
    Readable.prototype.pipe = function(dest, pipeOpts) {
      var src = this;
      var state = this._readableState;
      switch (state.pipesCount) {
        case 0:
          state.pipes = dest;
          break;
        case 1:
          state.pipes = [state.pipes, dest];
          break;
        default:
          state.pipes.push(dest);
          break;
      }
      state.pipesCount += 1;
      debug("pipe count=%d opts=%j", state.pipesCount, pipeOpts);
      var doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
      var endFn = doEnd ? onend : unpipe;
      if (state.endEmitted) process.nextTick(endFn);
      else src.once("end", endFn);
      dest.on("unpipe", onunpipe);
      function onunpipe(readable, unpipeInfo) {
        debug("onunpipe");
        if (readable === src) {
          if (unpipeInfo && unpipeInfo.hasUnpiped === false) {
            unpipeInfo.hasUnpiped = true;
            cleanup();
          }
        }
      }
      function onend() {
        debug("onend");
        dest.end();
      }
      var ondrain = pipeOnDrain(src);
      dest.on("drain", ondrain);
      var cleanedUp = false;
      function cleanup() {
        debug("cleanup");
        dest.removeListener("close", onclose);
        dest.removeListener("finish", onfinish);
        dest.removeListener("drain", ondrain);
        dest.removeListener("error", onerror);
        dest.removeListener("unpipe", onunpipe);
        src.removeListener("end", onend);
        src.removeListener("end", unpipe);
        src.removeListener("data", ondata);
        cleanedUp = true;
        if (state.awaitDrain && (!dest._writableState || dest._writableState.needDrain)) ondrain();
      }
      src.on("data", ondata);
      function ondata(chunk) {
        debug("ondata");
        var ret = dest.write(chunk);
        debug("dest.write", ret);
        if (ret === false) {
          if ((state.pipesCount === 1 && state.pipes === dest || state.pipesCount > 1 && indexOf(state.pipes, dest) !== -1) && !cleanedUp) {
            debug("false write response, pause", state.awaitDrain);
            state.awaitDrain++;
          }
          src.pause();
        }
      }
      function onerror(er) {
        debug("onerror", er);
        unpipe();
        dest.removeListener("error", onerror);
        if (EElistenerCount(dest, "error") === 0) errorOrDestroy(dest, er);
      }
      prependListener(dest, "error", onerror);
      function onclose() {
        dest.removeListener("finish", onfinish);
        unpipe();
      }
      dest.once("close", onclose);
      function onfinish() {
        debug("onfinish");
        dest.removeListener("close", onclose);
        unpipe();
      }
      dest.once("finish", onfinish);
      function unpipe() {
        debug("unpipe");
        src.unpipe(dest);
      }
      dest.emit("pipe", src);
      if (!state.flowing) {
        debug("pipe resume");
        src.resume();
      }
      return dest;
    };
    function pipeOnDrain(src) {
      return function pipeOnDrainFunctionResult() {
        var state = src._readableState;
        debug("pipeOnDrain", state.awaitDrain);
        if (state.awaitDrain) state.awaitDrain--;
        if (state.awaitDrain === 0 && EElistenerCount(src, "data")) {
          state.flowing = true;
          flow(src);
        }
      };
    }
    Readable.prototype.unpipe = function(dest) {
      var state = this._readableState;
      var unpipeInfo = {
        hasUnpiped: false
      };
      if (state.pipesCount === 0) return this;
      if (state.pipesCount === 1) {
        if (dest && dest !== state.pipes) return this;
        if (!dest) dest = state.pipes;
        state.pipes = null;
        state.pipesCount = 0;
        state.flowing = false;
        if (dest) dest.emit("unpipe", this, unpipeInfo);
        return this;
      }
      if (!dest) {
        var dests = state.pipes;
        var len = state.pipesCount;
        state.pipes = null;
        state.pipesCount = 0;
        state.flowing = false;
        for (var i = 0; i < len; i++) dests[i].emit("unpipe", this, {
          hasUnpiped: false
        });
        return this;
      }
      var index = indexOf(state.pipes, dest);
      if (index === -1) return this;
      state.pipes.splice(index, 1);
      state.pipesCount -= 1;
      if (state.pipesCount === 1) state.pipes = state.pipes[0];
      dest.emit("unpipe", this, unpipeInfo);
      return this;
    };
    Readable.prototype.on = function(ev, fn) {
      var res = Stream.prototype.on.call(this, ev, fn);
      var state = this._readableState;
      if (ev === "data") {
        state.readableListening = this.listenerCount("readable") > 0;
        if (state.flowing !== false) this.resume();
      } else if (ev === "readable") {
        if (!state.endEmitted && !state.readableListening) {
          state.readableListening = state.needReadable = true;
          state.flowing = false;
          state.emittedReadable = false;
          debug("on readable", state.length, state.reading);
          if (state.length) {
            emitReadable(this);
          } else if (!state.reading) {
            process.nextTick(nReadingNextTick, this);
          }
        }
      }
      return res;
    };
    Readable.prototype.addListener = Readable.prototype.on;
    Readable.prototype.removeListener = function(ev, fn) {
      var res = Stream.prototype.removeListener.call(this, ev, fn);
      if (ev === "readable") {
        process.nextTick(updateReadableListening, this);
      }
      return res;
    };
    Readable.prototype.removeAllListeners = function(ev) {
      var res = Stream.prototype.removeAllListeners.apply(this, arguments);
      if (ev === "readable" || ev === void 0) {
        process.nextTick(updateReadableListening, this);
      }
      return res;
    };
    function updateReadableListening(self2) {
      var state = self2._readableState;
      state.readableListening = self2.listenerCount("readable") > 0;
      if (state.resumeScheduled && !state.paused) {
        state.flowing = true;
      } else if (self2.listenerCount("data") > 0) {
        self2.resume();
      }
    }
    function nReadingNextTick(self2) {
      debug("readable nexttick read 0");
      self2.read(0);
    }
    Readable.prototype.resume = function() {
      var state = this._readableState;
      if (!state.flowing) {
        debug("resume");
        state.flowing = !state.readableListening;
        resume(this, state);
      }
      state.paused = false;
      return this;
    };
    function resume(stream, state) {
      if (!state.resumeScheduled) {
        state.resumeScheduled = true;
        process.nextTick(resume_, stream, state);
      }
    }
    function resume_(stream, state) {
      debug("resume", state.reading);
      if (!state.reading) {
        stream.read(0);
      }
      state.resumeScheduled = false;
      stream.emit("resume");
      flow(stream);
      if (state.flowing && !state.reading) stream.read(0);
    }
    Readable.prototype.pause = function() {
      debug("call pause flowing=%j", this._readableState.flowing);
      if (this._readableState.flowing !== false) {
        debug("pause");
        this._readableState.flowing = false;
        this.emit("pause");
      }
      this._readableState.paused = true;
      return this;
    };
    function flow(stream) {
      var state = stream._readableState;
      debug("flow", state.flowing);
      while (state.flowing && stream.read() !== null) ;
    }
    Readable.prototype.wrap = function(stream) {
      var _this = this;
      var state = this._readableState;
      var paused = false;
      stream.on("end", function() {
        debug("wrapped end");
        if (state.decoder && !state.ended) {
          var chunk = state.decoder.end();
          if (chunk && chunk.length) _this.push(chunk);
        }
        _this.push(null);
      });
      stream.on("data", function(chunk) {
        debug("wrapped data");
        if (state.decoder) chunk = state.decoder.write(chunk);
        if (state.objectMode && (chunk === null || chunk === void 0)) return;
        else if (!state.objectMode && (!chunk || !chunk.length)) return;
        var ret = _this.push(chunk);
        if (!ret) {
          paused = true;
          stream.pause();
        }
      });
      for (var i in stream) {
        if (this[i] === void 0 && typeof stream[i] === "function") {
          this[i] = /* @__PURE__ */ (function methodWrap(method) {
            return function methodWrapReturnFunction() {
              return stream[method].apply(stream, arguments);
            };
          })(i);
        }
      }
      for (var n = 0; n < kProxyEvents.length; n++) {
        stream.on(kProxyEvents[n], this.emit.bind(this, kProxyEvents[n]));
      }
      this._read = function(n2) {
        debug("wrapped _read", n2);
        if (paused) {
          paused = false;
          stream.resume();
        }
      };
      return this;
    };
    if (typeof Symbol === "function") {
      Readable.prototype[Symbol.asyncIterator] = function() {
        if (createReadableStreamAsyncIterator === void 0) {
          createReadableStreamAsyncIterator = require_async_iterator();
        }
        return createReadableStreamAsyncIterator(this);
      };
    }
    Object.defineProperty(Readable.prototype, "readableHighWaterMark", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._readableState.highWaterMark;
      }
    });
    Object.defineProperty(Readable.prototype, "readableBuffer", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._readableState && this._readableState.buffer;
      }
    });
    Object.defineProperty(Readable.prototype, "readableFlowing", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._readableState.flowing;
      },
      set: function set(state) {
        if (this._readableState) {
          this._readableState.flowing = state;
        }
      }
    });
    Readable._fromList = fromList;
    Object.defineProperty(Readable.prototype, "readableLength", {
      // making it explicit this property is not enumerable
      // because otherwise some prototype manipulation in
      // userland will fail
      enumerable: false,
      get: function get() {
        return this._readableState.length;
      }
    });
    function fromList(n, state) {
      if (state.length === 0) return null;
      var ret;
      if (state.objectMode) ret = state.buffer.shift();
      else if (!n || n >= state.length) {
        if (state.decoder) ret = state.buffer.join("");
        else if (state.buffer.length === 1) ret = state.buffer.first();
        else ret = state.buffer.concat(state.length);
        state.buffer.clear();
      } else {
        ret = state.buffer.consume(n, state.decoder);
      }
      return ret;
    }
    function endReadable(stream) {
      var state = stream._readableState;
      debug("endReadable", state.endEmitted);
      if (!state.endEmitted) {
        state.ended = true;
        process.nextTick(endReadableNT, state, stream);
      }
    }
    function endReadableNT(state, stream) {
      debug("endReadableNT", state.endEmitted, state.length);
      if (!state.endEmitted && state.length === 0) {
        state.endEmitted = true;
        stream.readable = false;
        stream.emit("end");
        if (state.autoDestroy) {
          var wState = stream._writableState;
          if (!wState || wState.autoDestroy && wState.finished) {
            stream.destroy();
          }
        }
      }
    }
    if (typeof Symbol === "function") {
      Readable.from = function(iterable, opts) {
        if (from === void 0) {
          from = require_from();
        }
        return from(Readable, iterable, opts);
      };
    }
    function indexOf(xs, x) {
      for (var i = 0, l = xs.length; i < l; i++) {
        if (xs[i] === x) return i;
      }
      return -1;
    }
  }
});

// node_modules/readable-stream/lib/_stream_transform.js
var require_stream_transform = __commonJS({
  "node_modules/readable-stream/lib/_stream_transform.js"(exports, module) {
    "use strict";
    module.exports = Transform;
    var _require$codes = require_errors().codes;
    var ERR_METHOD_NOT_IMPLEMENTED = _require$codes.ERR_METHOD_NOT_IMPLEMENTED;
    var ERR_MULTIPLE_CALLBACK = _require$codes.ERR_MULTIPLE_CALLBACK;
    var ERR_TRANSFORM_ALREADY_TRANSFORMING = _require$codes.ERR_TRANSFORM_ALREADY_TRANSFORMING;
    var ERR_TRANSFORM_WITH_LENGTH_0 = _require$codes.ERR_TRANSFORM_WITH_LENGTH_0;
    var Duplex = require_stream_duplex();
    require_inherits()(Transform, Duplex);
    function afterTransform(er, data) {
      var ts = this._transformState;
      ts.transforming = false;
      var cb = ts.writecb;
      if (cb === null) {
        return this.emit("error", new ERR_MULTIPLE_CALLBACK());
      }
      ts.writechunk = null;
      ts.writecb = null;
      if (data != null)
        this.push(data);
      cb(er);
      var rs = this._readableState;
      rs.reading = false;
      if (rs.needReadable || rs.length < rs.highWaterMark) {
        this._read(rs.highWaterMark);
      }
    }
    function Transform(options) {
      if (!(this instanceof Transform)) return new Transform(options);
      Duplex.call(this, options);
      this._transformState = {
        afterTransform: afterTransform.bind(this),
        needTransform: false,
        transforming: false,
        writecb: null,
        writechunk: null,
        writeencoding: null
      };
      this._readableState.needReadable = true;
      this._readableState.sync = false;
      if (options) {
        if (typeof options.transform === "function") this._transform = options.transform;
        if (typeof options.flush === "function") this._flush = options.flush;
      }
      this.on("prefinish", prefinish);
    }
    function prefinish() {
      var _this = this;
      if (typeof this._flush === "function" && !this._readableState.destroyed) {
        this._flush(function(er, data) {
          done(_this, er, data);
        });
      } else {
        done(this, null, null);
      }
    }
    Transform.prototype.push = function(chunk, encoding) {
      this._transformState.needTransform = false;
      return Duplex.prototype.push.call(this, chunk, encoding);
    };
    Transform.prototype._transform = function(chunk, encoding, cb) {
      cb(new ERR_METHOD_NOT_IMPLEMENTED("_transform()"));
    };
    Transform.prototype._write = function(chunk, encoding, cb) {
      var ts = this._transformState;
      ts.writecb = cb;
      ts.writechunk = chunk;
      ts.writeencoding = encoding;
      if (!ts.transforming) {
        var rs = this._readableState;
        if (ts.needTransform || rs.needReadable || rs.length < rs.highWaterMark) this._read(rs.highWaterMark);
      }
    };
    Transform.prototype._read = function(n) {
      var ts = this._transformState;
      if (ts.writechunk !== null && !ts.transforming) {
        ts.transforming = true;
        this._transform(ts.writechunk, ts.writeencoding, ts.afterTransform);
      } else {
        ts.needTransform = true;
      }
    };
    Transform.prototype._destroy = function(err, cb) {
      Duplex.prototype._destroy.call(this, err, function(err2) {
        cb(err2);
      });
    };
    function done(stream, er, data) {
      if (er) return stream.emit("error", er);
      if (data != null)
        stream.push(data);
      if (stream._writableState.length) throw new ERR_TRANSFORM_WITH_LENGTH_0();
      if (stream._transformState.transforming) throw new ERR_TRANSFORM_ALREADY_TRANSFORMING();
      return stream.push(null);
    }
  }
});

// node_modules/readable-stream/lib/_stream_passthrough.js
var require_stream_passthrough = __commonJS({
  "node_modules/readable-stream/lib/_stream_passthrough.js"(exports, module) {
    "use strict";
    module.exports = PassThrough;
    var Transform = require_stream_transform();
    require_inherits()(PassThrough, Transform);
    function PassThrough(options) {
      if (!(this instanceof PassThrough)) return new PassThrough(options);
      Transform.call(this, options);
    }
    PassThrough.prototype._transform = function(chunk, encoding, cb) {
      cb(null, chunk);
    };
  }
});

// node_modules/readable-stream/lib/internal/streams/pipeline.js
var require_pipeline = __commonJS({
  "node_modules/readable-stream/lib/internal/streams/pipeline.js"(exports, module) {
    "use strict";
    var eos;
    function once(callback) {
      var called = false;
      return function() {
        if (called) return;
        called = true;
        callback.apply(void 0, arguments);
      };
    }
    var _require$codes = require_errors().codes;
    var ERR_MISSING_ARGS = _require$codes.ERR_MISSING_ARGS;
    var ERR_STREAM_DESTROYED = _require$codes.ERR_STREAM_DESTROYED;
    function noop(err) {
      if (err) throw err;
    }
    function isRequest(stream) {
      return stream.setHeader && typeof stream.abort === "function";
    }
    function destroyer(stream, reading, writing, callback) {
      callback = once(callback);
      var closed = false;
      stream.on("close", function() {
        closed = true;
      });
      if (eos === void 0) eos = require_end_of_stream();
      eos(stream, {
        readable: reading,
        writable: writing
      }, function(err) {
        if (err) return callback(err);
        closed = true;
        callback();
      });
      var destroyed = false;
      return function(err) {
        if (closed) return;
        if (destroyed) return;
        destroyed = true;
        if (isRequest(stream)) return stream.abort();
        if (typeof stream.destroy === "function") return stream.destroy();
        callback(err || new ERR_STREAM_DESTROYED("pipe"));
      };
    }
    function call(fn) {
      fn();
    }
    function pipe(from, to) {
      return from.pipe(to);
    }
    function popCallback(streams) {
      if (!streams.length) return noop;
      if (typeof streams[streams.length - 1] !== "function") return noop;
      return streams.pop();
    }
    function pipeline() {
      for (var _len = arguments.length, streams = new Array(_len), _key = 0; _key < _len; _key++) {
        streams[_key] = arguments[_key];
      }
      var callback = popCallback(streams);
      if (Array.isArray(streams[0])) streams = streams[0];
      if (streams.length < 2) {
        throw new ERR_MISSING_ARGS("streams");
      }
      var error;
      var destroys = streams.map(function(stream, i) {
        var reading = i < streams.length - 1;
        var writing = i > 0;
        return destroyer(stream, reading, writing, function(err) {
          if (!error) error = err;
          if (err) destroys.forEach(call);
          if (reading) return;
          destroys.forEach(call);
          callback(error);
        });
      });
      return streams.reduce(pipe);
    }
    module.exports = pipeline;
  }
});

// node_modules/readable-stream/readable.js
var require_readable = __commonJS({
  "node_modules/readable-stream/readable.js"(exports, module) {
    var Stream = __require("stream");
    if (process.env.READABLE_STREAM === "disable" && Stream) {
      module.exports = Stream.Readable;
      Object.assign(module.exports, Stream);
      module.exports.Stream = Stream;
    } else {
      exports = module.exports = require_stream_readable();
      exports.Stream = Stream || exports;
      exports.Readable = exports;
      exports.Writable = require_stream_writable();
      exports.Duplex = require_stream_duplex();
      exports.Transform = require_stream_transform();
      exports.PassThrough = require_stream_passthrough();
      exports.finished = require_end_of_stream();
      exports.pipeline = require_pipeline();
    }
  }
});

// node_modules/wrappy/wrappy.js
var require_wrappy = __commonJS({
  "node_modules/wrappy/wrappy.js"(exports, module) {
    module.exports = wrappy;
    function wrappy(fn, cb) {
      if (fn && cb) return wrappy(fn)(cb);
      if (typeof fn !== "function")
        throw new TypeError("need wrapper function");
      Object.keys(fn).forEach(function(k) {
        wrapper[k] = fn[k];
      });
      return wrapper;
      function wrapper() {
        var args = new Array(arguments.length);
        for (var i = 0; i < args.length; i++) {
          args[i] = arguments[i];
        }
        var ret = fn.apply(this, args);
        var cb2 = args[args.length - 1];
        if (typeof ret === "function" && ret !== cb2) {
          Object.keys(cb2).forEach(function(k) {
            ret[k] = cb2[k];
          });
        }
        return ret;
      }
    }
  }
});

// node_modules/once/once.js
var require_once = __commonJS({
  "node_modules/once/once.js"(exports, module) {
    var wrappy = require_wrappy();
    module.exports = wrappy(once);
    module.exports.strict = wrappy(onceStrict);
    once.proto = once(function() {
      Object.defineProperty(Function.prototype, "once", {
        value: function() {
          return once(this);
        },
        configurable: true
      });
      Object.defineProperty(Function.prototype, "onceStrict", {
        value: function() {
          return onceStrict(this);
        },
        configurable: true
      });
    });
    function once(fn) {
      var f = function() {
        if (f.called) return f.value;
        f.called = true;
        return f.value = fn.apply(this, arguments);
      };
      f.called = false;
      return f;
    }
    function onceStrict(fn) {
      var f = function() {
        if (f.called)
          throw new Error(f.onceError);
        f.called = true;
        return f.value = fn.apply(this, arguments);
      };
      var name = fn.name || "Function wrapped with `once`";
      f.onceError = name + " shouldn't be called more than once";
      f.called = false;
      return f;
    }
  }
});

// node_modules/end-of-stream/index.js
var require_end_of_stream2 = __commonJS({
  "node_modules/end-of-stream/index.js"(exports, module) {
    var once = require_once();
    var noop = function() {
    };
    var qnt = global.Bare ? queueMicrotask : process.nextTick.bind(process);
    var isRequest = function(stream) {
      return stream.setHeader && typeof stream.abort === "function";
    };
    var isChildProcess = function(stream) {
      return stream.stdio && Array.isArray(stream.stdio) && stream.stdio.length === 3;
    };
    var eos = function(stream, opts, callback) {
      if (typeof opts === "function") return eos(stream, null, opts);
      if (!opts) opts = {};
      callback = once(callback || noop);
      var ws = stream._writableState;
      var rs = stream._readableState;
      var readable = opts.readable || opts.readable !== false && stream.readable;
      var writable = opts.writable || opts.writable !== false && stream.writable;
      var cancelled = false;
      var onlegacyfinish = function() {
        if (!stream.writable) onfinish();
      };
      var onfinish = function() {
        writable = false;
        if (!readable) callback.call(stream);
      };
      var onend = function() {
        readable = false;
        if (!writable) callback.call(stream);
      };
      var onexit = function(exitCode) {
        callback.call(stream, exitCode ? new Error("exited with error code: " + exitCode) : null);
      };
      var onerror = function(err) {
        callback.call(stream, err);
      };
      var onclose = function() {
        qnt(onclosenexttick);
      };
      var onclosenexttick = function() {
        if (cancelled) return;
        if (readable && !(rs && (rs.ended && !rs.destroyed))) return callback.call(stream, new Error("premature close"));
        if (writable && !(ws && (ws.ended && !ws.destroyed))) return callback.call(stream, new Error("premature close"));
      };
      var onrequest = function() {
        stream.req.on("finish", onfinish);
      };
      if (isRequest(stream)) {
        stream.on("complete", onfinish);
        stream.on("abort", onclose);
        if (stream.req) onrequest();
        else stream.on("request", onrequest);
      } else if (writable && !ws) {
        stream.on("end", onlegacyfinish);
        stream.on("close", onlegacyfinish);
      }
      if (isChildProcess(stream)) stream.on("exit", onexit);
      stream.on("end", onend);
      stream.on("finish", onfinish);
      if (opts.error !== false) stream.on("error", onerror);
      stream.on("close", onclose);
      return function() {
        cancelled = true;
        stream.removeListener("complete", onfinish);
        stream.removeListener("abort", onclose);
        stream.removeListener("request", onrequest);
        if (stream.req) stream.req.removeListener("finish", onfinish);
        stream.removeListener("end", onlegacyfinish);
        stream.removeListener("close", onlegacyfinish);
        stream.removeListener("finish", onfinish);
        stream.removeListener("exit", onexit);
        stream.removeListener("end", onend);
        stream.removeListener("error", onerror);
        stream.removeListener("close", onclose);
      };
    };
    module.exports = eos;
  }
});

// node_modules/stream-shift/index.js
var require_stream_shift = __commonJS({
  "node_modules/stream-shift/index.js"(exports, module) {
    module.exports = shift;
    function shift(stream) {
      var rs = stream._readableState;
      if (!rs) return null;
      return rs.objectMode || typeof stream._duplexState === "number" ? stream.read() : stream.read(getStateLength(rs));
    }
    function getStateLength(state) {
      if (state.buffer.length) {
        var idx = state.bufferIndex || 0;
        if (state.buffer.head) {
          return state.buffer.head.data.length;
        } else if (state.buffer.length - idx > 0 && state.buffer[idx]) {
          return state.buffer[idx].length;
        }
      }
      return state.length;
    }
  }
});

// node_modules/duplexify/index.js
var require_duplexify = __commonJS({
  "node_modules/duplexify/index.js"(exports, module) {
    var stream = require_readable();
    var eos = require_end_of_stream2();
    var inherits = require_inherits();
    var shift = require_stream_shift();
    var SIGNAL_FLUSH = Buffer.from && Buffer.from !== Uint8Array.from ? Buffer.from([0]) : new Buffer([0]);
    var onuncork = function(self2, fn) {
      if (self2._corked) self2.once("uncork", fn);
      else fn();
    };
    var autoDestroy = function(self2, err) {
      if (self2._autoDestroy) self2.destroy(err);
    };
    var destroyer = function(self2, end2) {
      return function(err) {
        if (err) autoDestroy(self2, err.message === "premature close" ? null : err);
        else if (end2 && !self2._ended) self2.end();
      };
    };
    var end = function(ws, fn) {
      if (!ws) return fn();
      if (ws._writableState && ws._writableState.finished) return fn();
      if (ws._writableState) return ws.end(fn);
      ws.end();
      fn();
    };
    var noop = function() {
    };
    var toStreams2 = function(rs) {
      return new stream.Readable({ objectMode: true, highWaterMark: 16 }).wrap(rs);
    };
    var Duplexify = function(writable, readable, opts) {
      if (!(this instanceof Duplexify)) return new Duplexify(writable, readable, opts);
      stream.Duplex.call(this, opts);
      this._writable = null;
      this._readable = null;
      this._readable2 = null;
      this._autoDestroy = !opts || opts.autoDestroy !== false;
      this._forwardDestroy = !opts || opts.destroy !== false;
      this._forwardEnd = !opts || opts.end !== false;
      this._corked = 1;
      this._ondrain = null;
      this._drained = false;
      this._forwarding = false;
      this._unwrite = null;
      this._unread = null;
      this._ended = false;
      this.destroyed = false;
      if (writable) this.setWritable(writable);
      if (readable) this.setReadable(readable);
    };
    inherits(Duplexify, stream.Duplex);
    Duplexify.obj = function(writable, readable, opts) {
      if (!opts) opts = {};
      opts.objectMode = true;
      opts.highWaterMark = 16;
      return new Duplexify(writable, readable, opts);
    };
    Duplexify.prototype.cork = function() {
      if (++this._corked === 1) this.emit("cork");
    };
    Duplexify.prototype.uncork = function() {
      if (this._corked && --this._corked === 0) this.emit("uncork");
    };
    Duplexify.prototype.setWritable = function(writable) {
      if (this._unwrite) this._unwrite();
      if (this.destroyed) {
        if (writable && writable.destroy) writable.destroy();
        return;
      }
      if (writable === null || writable === false) {
        this.end();
        return;
      }
      var self2 = this;
      var unend = eos(writable, { writable: true, readable: false }, destroyer(this, this._forwardEnd));
      var ondrain = function() {
        var ondrain2 = self2._ondrain;
        self2._ondrain = null;
        if (ondrain2) ondrain2();
      };
      var clear = function() {
        self2._writable.removeListener("drain", ondrain);
        unend();
      };
      if (this._unwrite) process.nextTick(ondrain);
      this._writable = writable;
      this._writable.on("drain", ondrain);
      this._unwrite = clear;
      this.uncork();
    };
    Duplexify.prototype.setReadable = function(readable) {
      if (this._unread) this._unread();
      if (this.destroyed) {
        if (readable && readable.destroy) readable.destroy();
        return;
      }
      if (readable === null || readable === false) {
        this.push(null);
        this.resume();
        return;
      }
      var self2 = this;
      var unend = eos(readable, { writable: false, readable: true }, destroyer(this));
      var onreadable = function() {
        self2._forward();
      };
      var onend = function() {
        self2.push(null);
      };
      var clear = function() {
        self2._readable2.removeListener("readable", onreadable);
        self2._readable2.removeListener("end", onend);
        unend();
      };
      this._drained = true;
      this._readable = readable;
      this._readable2 = readable._readableState ? readable : toStreams2(readable);
      this._readable2.on("readable", onreadable);
      this._readable2.on("end", onend);
      this._unread = clear;
      this._forward();
    };
    Duplexify.prototype._read = function() {
      this._drained = true;
      this._forward();
    };
    Duplexify.prototype._forward = function() {
      if (this._forwarding || !this._readable2 || !this._drained) return;
      this._forwarding = true;
      var data;
      while (this._drained && (data = shift(this._readable2)) !== null) {
        if (this.destroyed) continue;
        this._drained = this.push(data);
      }
      this._forwarding = false;
    };
    Duplexify.prototype.destroy = function(err, cb) {
      if (!cb) cb = noop;
      if (this.destroyed) return cb(null);
      this.destroyed = true;
      var self2 = this;
      process.nextTick(function() {
        self2._destroy(err);
        cb(null);
      });
    };
    Duplexify.prototype._destroy = function(err) {
      if (err) {
        var ondrain = this._ondrain;
        this._ondrain = null;
        if (ondrain) ondrain(err);
        else this.emit("error", err);
      }
      if (this._forwardDestroy) {
        if (this._readable && this._readable.destroy) this._readable.destroy();
        if (this._writable && this._writable.destroy) this._writable.destroy();
      }
      this.emit("close");
    };
    Duplexify.prototype._write = function(data, enc, cb) {
      if (this.destroyed) return;
      if (this._corked) return onuncork(this, this._write.bind(this, data, enc, cb));
      if (data === SIGNAL_FLUSH) return this._finish(cb);
      if (!this._writable) return cb();
      if (this._writable.write(data) === false) this._ondrain = cb;
      else if (!this.destroyed) cb();
    };
    Duplexify.prototype._finish = function(cb) {
      var self2 = this;
      this.emit("preend");
      onuncork(this, function() {
        end(self2._forwardEnd && self2._writable, function() {
          if (self2._writableState.prefinished === false) self2._writableState.prefinished = true;
          self2.emit("prefinish");
          onuncork(self2, cb);
        });
      });
    };
    Duplexify.prototype.end = function(data, enc, cb) {
      if (typeof data === "function") return this.end(null, null, data);
      if (typeof enc === "function") return this.end(data, null, enc);
      this._ended = true;
      if (data) this.write(data);
      if (!this._writableState.ending && !this._writableState.destroyed) this.write(SIGNAL_FLUSH);
      return stream.Writable.prototype.end.call(this, cb);
    };
    module.exports = Duplexify;
  }
});

// node_modules/@google-cloud/common/build/src/util.js
var require_util = __commonJS({
  "node_modules/@google-cloud/common/build/src/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.util = exports.Util = exports.PartialFailureError = exports.ApiError = void 0;
    var projectify_1 = require_src4();
    var htmlEntities = require_commonjs();
    var extend = require_extend();
    var google_auth_library_1 = require_src2();
    var retryRequest = require_retry_request();
    var stream_1 = __require("stream");
    var teeny_request_1 = require_src5();
    var service_1 = require_service();
    var duplexify = require_duplexify();
    var requestDefaults = {
      timeout: 6e4,
      gzip: true,
      forever: true,
      pool: {
        maxSockets: Infinity
      }
    };
    var AUTO_RETRY_DEFAULT = true;
    var MAX_RETRY_DEFAULT = 3;
    var ApiError = class _ApiError extends Error {
      code;
      errors;
      response;
      constructor(errorBodyOrMessage) {
        super();
        if (typeof errorBodyOrMessage !== "object") {
          this.message = errorBodyOrMessage || "";
          return;
        }
        const errorBody = errorBodyOrMessage;
        this.code = errorBody.code;
        this.errors = errorBody.errors;
        this.response = errorBody.response;
        try {
          this.errors = JSON.parse(this.response.body).error.errors;
        } catch (e) {
          this.errors = errorBody.errors;
        }
        this.message = _ApiError.createMultiErrorMessage(errorBody, this.errors);
        Error.captureStackTrace(this);
      }
      /**
       * Pieces together an error message by combining all unique error messages
       * returned from a single GoogleError
       *
       * @private
       *
       * @param {GoogleErrorBody} err The original error.
       * @param {GoogleInnerError[]} [errors] Inner errors, if any.
       * @returns {string}
       */
      static createMultiErrorMessage(err, errors) {
        const messages = /* @__PURE__ */ new Set();
        if (err.message) {
          messages.add(err.message);
        }
        if (errors && errors.length) {
          errors.forEach(({ message }) => messages.add(message));
        } else if (err.response && err.response.body) {
          messages.add(htmlEntities.decode(err.response.body.toString()));
        } else if (!err.message) {
          messages.add("A failure occurred during this request.");
        }
        let messageArr = Array.from(messages);
        if (messageArr.length > 1) {
          messageArr = messageArr.map((message, i) => `    ${i + 1}. ${message}`);
          messageArr.unshift("Multiple errors occurred during the request. Please see the `errors` array for complete details.\n");
          messageArr.push("\n");
        }
        return messageArr.join("\n");
      }
    };
    exports.ApiError = ApiError;
    var PartialFailureError = class extends Error {
      errors;
      response;
      constructor(b) {
        super();
        const errorObject = b;
        this.errors = errorObject.errors;
        this.name = "PartialFailureError";
        this.response = errorObject.response;
        this.message = ApiError.createMultiErrorMessage(errorObject, this.errors);
      }
    };
    exports.PartialFailureError = PartialFailureError;
    var Util = class {
      ApiError = ApiError;
      PartialFailureError = PartialFailureError;
      /**
       * No op.
       *
       * @example
       * function doSomething(callback) {
       *   callback = callback || noop;
       * }
       */
      noop() {
      }
      /**
       * Uniformly process an API response.
       *
       * @param {*} err - Error value.
       * @param {*} resp - Response value.
       * @param {*} body - Body value.
       * @param {function} callback - The callback function.
       */
      handleResp(err, resp, body, callback) {
        callback = callback || util.noop;
        const parsedResp = extend(true, { err: err || null }, resp && util.parseHttpRespMessage(resp), body && util.parseHttpRespBody(body));
        if (!parsedResp.err && resp && typeof parsedResp.body === "object") {
          parsedResp.resp.body = parsedResp.body;
        }
        if (parsedResp.err && resp) {
          parsedResp.err.response = resp;
        }
        callback(parsedResp.err, parsedResp.body, parsedResp.resp);
      }
      /**
       * Sniff an incoming HTTP response message for errors.
       *
       * @param {object} httpRespMessage - An incoming HTTP response message from `request`.
       * @return {object} parsedHttpRespMessage - The parsed response.
       * @param {?error} parsedHttpRespMessage.err - An error detected.
       * @param {object} parsedHttpRespMessage.resp - The original response object.
       */
      parseHttpRespMessage(httpRespMessage) {
        const parsedHttpRespMessage = {
          resp: httpRespMessage
        };
        if (httpRespMessage.statusCode < 200 || httpRespMessage.statusCode > 299) {
          parsedHttpRespMessage.err = new ApiError({
            errors: new Array(),
            code: httpRespMessage.statusCode,
            message: httpRespMessage.statusMessage,
            response: httpRespMessage
          });
        }
        return parsedHttpRespMessage;
      }
      /**
       * Parse the response body from an HTTP request.
       *
       * @param {object} body - The response body.
       * @return {object} parsedHttpRespMessage - The parsed response.
       * @param {?error} parsedHttpRespMessage.err - An error detected.
       * @param {object} parsedHttpRespMessage.body - The original body value provided
       *     will try to be JSON.parse'd. If it's successful, the parsed value will
       * be returned here, otherwise the original value and an error will be returned.
       */
      parseHttpRespBody(body) {
        const parsedHttpRespBody = {
          body
        };
        if (typeof body === "string") {
          try {
            parsedHttpRespBody.body = JSON.parse(body);
          } catch (err) {
            parsedHttpRespBody.body = body;
          }
        }
        if (parsedHttpRespBody.body && parsedHttpRespBody.body.error) {
          parsedHttpRespBody.err = new ApiError(parsedHttpRespBody.body.error);
        }
        return parsedHttpRespBody;
      }
      /**
       * Take a Duplexify stream, fetch an authenticated connection header, and
       * create an outgoing writable stream.
       *
       * @param {Duplexify} dup - Duplexify stream.
       * @param {object} options - Configuration object.
       * @param {module:common/connection} options.connection - A connection instance used to get a token with and send the request through.
       * @param {object} options.metadata - Metadata to send at the head of the request.
       * @param {object} options.request - Request object, in the format of a standard Node.js http.request() object.
       * @param {string=} options.request.method - Default: "POST".
       * @param {string=} options.request.qs.uploadType - Default: "multipart".
       * @param {string=} options.streamContentType - Default: "application/octet-stream".
       * @param {function} onComplete - Callback, executed after the writable Request stream has completed.
       */
      makeWritableStream(dup, options, onComplete) {
        onComplete = onComplete || util.noop;
        const writeStream = new ProgressStream();
        writeStream.on("progress", (evt) => dup.emit("progress", evt));
        dup.setWritable(writeStream);
        const defaultReqOpts = {
          method: "POST",
          qs: {
            uploadType: "multipart"
          },
          timeout: 0,
          maxRetries: 0
        };
        const metadata = options.metadata || {};
        const reqOpts = extend(true, defaultReqOpts, options.request, {
          multipart: [
            {
              "Content-Type": "application/json",
              body: JSON.stringify(metadata)
            },
            {
              "Content-Type": metadata.contentType || "application/octet-stream",
              body: writeStream
            }
          ]
        });
        options.makeAuthenticatedRequest(reqOpts, {
          onAuthenticated(err, authenticatedReqOpts) {
            if (err) {
              dup.destroy(err);
              return;
            }
            const request = teeny_request_1.teenyRequest.defaults(requestDefaults);
            request(authenticatedReqOpts, (err2, resp, body) => {
              util.handleResp(err2, resp, body, (err3, data) => {
                if (err3) {
                  dup.destroy(err3);
                  return;
                }
                dup.emit("response", resp);
                onComplete(data);
              });
            });
          }
        });
      }
      /**
       * Returns true if the API request should be retried, given the error that was
       * given the first time the request was attempted. This is used for rate limit
       * related errors as well as intermittent server errors.
       *
       * @param {error} err - The API error to check if it is appropriate to retry.
       * @return {boolean} True if the API request should be retried, false otherwise.
       */
      shouldRetryRequest(err) {
        if (err) {
          if ([408, 429, 500, 502, 503, 504].indexOf(err.code) !== -1) {
            return true;
          }
          if (err.errors) {
            for (const e of err.errors) {
              const reason = e.reason;
              if (reason === "rateLimitExceeded") {
                return true;
              }
              if (reason === "userRateLimitExceeded") {
                return true;
              }
              if (reason && reason.includes("EAI_AGAIN")) {
                return true;
              }
            }
          }
        }
        return false;
      }
      /**
       * Get a function for making authenticated requests.
       *
       * @param {object} config - Configuration object.
       * @param {boolean=} config.autoRetry - Automatically retry requests if the
       *     response is related to rate limits or certain intermittent server
       * errors. We will exponentially backoff subsequent requests by default.
       * (default: true)
       * @param {object=} config.credentials - Credentials object.
       * @param {boolean=} config.customEndpoint - If true, just return the provided request options. Default: false.
       * @param {boolean=} config.useAuthWithCustomEndpoint - If true, will authenticate when using a custom endpoint. Default: false.
       * @param {string=} config.email - Account email address, required for PEM/P12 usage.
       * @param {number=} config.maxRetries - Maximum number of automatic retries attempted before returning the error. (default: 3)
       * @param {string=} config.keyFile - Path to a .json, .pem, or .p12 keyfile.
       * @param {array} config.scopes - Array of scopes required for the API.
       */
      makeAuthenticatedRequestFactory(config) {
        const googleAutoAuthConfig = extend({}, config);
        if (googleAutoAuthConfig.projectId === service_1.DEFAULT_PROJECT_ID_TOKEN) {
          delete googleAutoAuthConfig.projectId;
        }
        let authClient;
        if (googleAutoAuthConfig.authClient instanceof google_auth_library_1.GoogleAuth) {
          authClient = googleAutoAuthConfig.authClient;
        } else {
          const config2 = {
            ...googleAutoAuthConfig,
            authClient: googleAutoAuthConfig.authClient
          };
          authClient = new google_auth_library_1.GoogleAuth(config2);
        }
        function makeAuthenticatedRequest(reqOpts, optionsOrCallback) {
          let stream;
          let projectId;
          const reqConfig = extend({}, config);
          let activeRequest_;
          if (!optionsOrCallback) {
            stream = duplexify();
            reqConfig.stream = stream;
          }
          const options = typeof optionsOrCallback === "object" ? optionsOrCallback : void 0;
          const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : void 0;
          async function setProjectId() {
            projectId = await authClient.getProjectId();
          }
          const onAuthenticated = async (err, authenticatedReqOpts) => {
            const authLibraryError = err;
            const autoAuthFailed = err && err.message.indexOf("Could not load the default credentials") > -1;
            if (autoAuthFailed) {
              authenticatedReqOpts = reqOpts;
            }
            if (!err || autoAuthFailed) {
              try {
                authenticatedReqOpts = util.decorateRequest(authenticatedReqOpts, projectId);
                err = null;
              } catch (e) {
                if (e instanceof projectify_1.MissingProjectIdError) {
                  try {
                    await setProjectId();
                    authenticatedReqOpts = util.decorateRequest(authenticatedReqOpts, projectId);
                    err = null;
                  } catch (e2) {
                    err = err || e2;
                  }
                } else {
                  err = err || e;
                }
              }
            }
            if (err) {
              if (stream) {
                stream.destroy(err);
              } else {
                const fn = options && options.onAuthenticated ? options.onAuthenticated : callback;
                fn(err);
              }
              return;
            }
            if (options && options.onAuthenticated) {
              options.onAuthenticated(null, authenticatedReqOpts);
            } else {
              activeRequest_ = util.makeRequest(authenticatedReqOpts, reqConfig, (apiResponseError, ...params) => {
                if (apiResponseError && apiResponseError.code === 401 && authLibraryError) {
                  apiResponseError = authLibraryError;
                }
                callback(apiResponseError, ...params);
              });
            }
          };
          const prepareRequest = async () => {
            try {
              const getProjectId = async () => {
                if (config.projectId && config.projectId !== service_1.DEFAULT_PROJECT_ID_TOKEN) {
                  return config.projectId;
                }
                if (config.projectIdRequired === false) {
                  return service_1.DEFAULT_PROJECT_ID_TOKEN;
                }
                return setProjectId();
              };
              const authorizeRequest = async () => {
                if (reqConfig.customEndpoint && !reqConfig.useAuthWithCustomEndpoint) {
                  return reqOpts;
                } else {
                  return authClient.authorizeRequest(reqOpts);
                }
              };
              const [_projectId, authorizedReqOpts] = await Promise.all([
                getProjectId(),
                authorizeRequest()
              ]);
              if (_projectId) {
                projectId = _projectId;
              }
              return onAuthenticated(null, authorizedReqOpts);
            } catch (e) {
              return onAuthenticated(e);
            }
          };
          void prepareRequest();
          if (stream) {
            return stream;
          }
          return {
            abort() {
              setImmediate(() => {
                if (activeRequest_) {
                  activeRequest_.abort();
                  activeRequest_ = null;
                }
              });
            }
          };
        }
        const mar = makeAuthenticatedRequest;
        mar.getCredentials = authClient.getCredentials.bind(authClient);
        mar.authClient = authClient;
        return mar;
      }
      /**
       * Make a request through the `retryRequest` module with built-in error
       * handling and exponential back off.
       *
       * @param {object} reqOpts - Request options in the format `request` expects.
       * @param {object=} config - Configuration object.
       * @param {boolean=} config.autoRetry - Automatically retry requests if the
       *     response is related to rate limits or certain intermittent server
       * errors. We will exponentially backoff subsequent requests by default.
       * (default: true)
       * @param {number=} config.maxRetries - Maximum number of automatic retries
       *     attempted before returning the error. (default: 3)
       * @param {object=} config.request - HTTP module for request calls.
       * @param {function} callback - The callback function.
       */
      makeRequest(reqOpts, config, callback) {
        let autoRetryValue = AUTO_RETRY_DEFAULT;
        if (config.autoRetry !== void 0 && config.retryOptions?.autoRetry !== void 0) {
          throw new ApiError("autoRetry is deprecated. Use retryOptions.autoRetry instead.");
        } else if (config.autoRetry !== void 0) {
          autoRetryValue = config.autoRetry;
        } else if (config.retryOptions?.autoRetry !== void 0) {
          autoRetryValue = config.retryOptions.autoRetry;
        }
        let maxRetryValue = MAX_RETRY_DEFAULT;
        if (config.maxRetries && config.retryOptions?.maxRetries) {
          throw new ApiError("maxRetries is deprecated. Use retryOptions.maxRetries instead.");
        } else if (config.maxRetries) {
          maxRetryValue = config.maxRetries;
        } else if (config.retryOptions?.maxRetries) {
          maxRetryValue = config.retryOptions.maxRetries;
        }
        const options = {
          request: teeny_request_1.teenyRequest.defaults(requestDefaults),
          retries: autoRetryValue !== false ? maxRetryValue : 0,
          noResponseRetries: autoRetryValue !== false ? maxRetryValue : 0,
          shouldRetryFn(httpRespMessage) {
            const err = util.parseHttpRespMessage(httpRespMessage).err;
            if (config.retryOptions?.retryableErrorFn) {
              return err && config.retryOptions?.retryableErrorFn(err);
            }
            return err && util.shouldRetryRequest(err);
          },
          maxRetryDelay: config.retryOptions?.maxRetryDelay,
          retryDelayMultiplier: config.retryOptions?.retryDelayMultiplier,
          totalTimeout: config.retryOptions?.totalTimeout
        };
        if (typeof reqOpts.maxRetries === "number") {
          options.retries = reqOpts.maxRetries;
        }
        if (!config.stream) {
          return retryRequest(reqOpts, options, (err, response, body) => {
            util.handleResp(err, response, body, callback);
          });
        }
        const dup = config.stream;
        let requestStream;
        const isGetRequest = (reqOpts.method || "GET").toUpperCase() === "GET";
        if (isGetRequest) {
          requestStream = retryRequest(reqOpts, options);
          dup.setReadable(requestStream);
        } else {
          requestStream = options.request(reqOpts);
          dup.setWritable(requestStream);
        }
        requestStream.on("error", dup.destroy.bind(dup)).on("response", dup.emit.bind(dup, "response")).on("complete", dup.emit.bind(dup, "complete"));
        dup.abort = requestStream.abort;
        return dup;
      }
      /**
       * Decorate the options about to be made in a request.
       *
       * @param {object} reqOpts - The options to be passed to `request`.
       * @param {string} projectId - The project ID.
       * @return {object} reqOpts - The decorated reqOpts.
       */
      decorateRequest(reqOpts, projectId) {
        delete reqOpts.autoPaginate;
        delete reqOpts.autoPaginateVal;
        delete reqOpts.objectMode;
        if (reqOpts.qs !== null && typeof reqOpts.qs === "object") {
          delete reqOpts.qs.autoPaginate;
          delete reqOpts.qs.autoPaginateVal;
          reqOpts.qs = (0, projectify_1.replaceProjectIdToken)(reqOpts.qs, projectId);
        }
        if (Array.isArray(reqOpts.multipart)) {
          reqOpts.multipart = reqOpts.multipart.map((part) => {
            return (0, projectify_1.replaceProjectIdToken)(part, projectId);
          });
        }
        if (reqOpts.json !== null && typeof reqOpts.json === "object") {
          delete reqOpts.json.autoPaginate;
          delete reqOpts.json.autoPaginateVal;
          reqOpts.json = (0, projectify_1.replaceProjectIdToken)(reqOpts.json, projectId);
        }
        reqOpts.uri = (0, projectify_1.replaceProjectIdToken)(reqOpts.uri, projectId);
        return reqOpts;
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      isCustomType(unknown, module2) {
        function getConstructorName(obj) {
          return obj.constructor && obj.constructor.name.toLowerCase();
        }
        const moduleNameParts = module2.split("/");
        const parentModuleName = moduleNameParts[0] && moduleNameParts[0].toLowerCase();
        const subModuleName = moduleNameParts[1] && moduleNameParts[1].toLowerCase();
        if (subModuleName && getConstructorName(unknown) !== subModuleName) {
          return false;
        }
        let walkingModule = unknown;
        while (true) {
          if (getConstructorName(walkingModule) === parentModuleName) {
            return true;
          }
          walkingModule = walkingModule.parent;
          if (!walkingModule) {
            return false;
          }
        }
      }
      /**
       * Create a properly-formatted User-Agent string from a package.json file.
       *
       * @param {object} packageJson - A module's package.json file.
       * @return {string} userAgent - The formatted User-Agent string.
       */
      getUserAgentFromPackageJson(packageJson) {
        const hyphenatedPackageName = packageJson.name.replace("@google-cloud", "gcloud-node").replace("/", "-");
        return hyphenatedPackageName + "/" + packageJson.version;
      }
      /**
       * Given two parameters, figure out if this is either:
       *  - Just a callback function
       *  - An options object, and then a callback function
       * @param optionsOrCallback An options object or callback.
       * @param cb A potentially undefined callback.
       */
      maybeOptionsOrCallback(optionsOrCallback, cb) {
        return typeof optionsOrCallback === "function" ? [{}, optionsOrCallback] : [optionsOrCallback, cb];
      }
    };
    exports.Util = Util;
    var ProgressStream = class extends stream_1.Transform {
      bytesRead = 0;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      _transform(chunk, encoding, callback) {
        this.bytesRead += chunk.length;
        this.emit("progress", { bytesWritten: this.bytesRead, contentLength: "*" });
        this.push(chunk);
        callback();
      }
    };
    var util = new Util();
    exports.util = util;
  }
});

// node_modules/@google-cloud/common/build/src/service-object.js
var require_service_object = __commonJS({
  "node_modules/@google-cloud/common/build/src/service-object.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ServiceObject = void 0;
    var promisify_1 = require_src3();
    var arrify = require_arrify();
    var events_1 = __require("events");
    var extend = require_extend();
    var util_1 = require_util();
    var ServiceObject = class _ServiceObject extends events_1.EventEmitter {
      metadata;
      baseUrl;
      parent;
      id;
      pollIntervalMs;
      createMethod;
      methods;
      interceptors;
      projectId;
      /*
       * @constructor
       * @alias module:common/service-object
       *
       * @private
       *
       * @param {object} config - Configuration object.
       * @param {string} config.baseUrl - The base URL to make API requests to.
       * @param {string} config.createMethod - The method which creates this object.
       * @param {string=} config.id - The identifier of the object. For example, the
       *     name of a Storage bucket or Pub/Sub topic.
       * @param {object=} config.methods - A map of each method name that should be inherited.
       * @param {object} config.methods[].reqOpts - Default request options for this
       *     particular method. A common use case is when `setMetadata` requires a
       *     `PUT` method to override the default `PATCH`.
       * @param {object} config.parent - The parent service instance. For example, an
       *     instance of Storage if the object is Bucket.
       */
      constructor(config) {
        super();
        this.metadata = {};
        this.baseUrl = config.baseUrl;
        this.parent = config.parent;
        this.id = config.id;
        this.createMethod = config.createMethod;
        this.methods = config.methods || {};
        this.interceptors = [];
        this.pollIntervalMs = config.pollIntervalMs;
        this.projectId = config.projectId;
        if (config.methods) {
          Object.getOwnPropertyNames(_ServiceObject.prototype).filter((methodName) => {
            return (
              // All ServiceObjects need `request` and `getRequestInterceptors`.
              // clang-format off
              !/^request/.test(methodName) && !/^getRequestInterceptors/.test(methodName) && // clang-format on
              // The ServiceObject didn't redefine the method.
              // eslint-disable-next-line @typescript-eslint/no-explicit-any
              this[methodName] === // eslint-disable-next-line @typescript-eslint/no-explicit-any
              _ServiceObject.prototype[methodName] && // This method isn't wanted.
              !config.methods[methodName]
            );
          }).forEach((methodName) => {
            this[methodName] = void 0;
          });
        }
      }
      create(optionsOrCallback, callback) {
        const self2 = this;
        const args = [this.id];
        if (typeof optionsOrCallback === "function") {
          callback = optionsOrCallback;
        }
        if (typeof optionsOrCallback === "object") {
          args.push(optionsOrCallback);
        }
        function onCreate(...args2) {
          const [err, instance] = args2;
          if (!err) {
            self2.metadata = instance.metadata;
            args2[1] = self2;
          }
          callback(...args2);
        }
        args.push(onCreate);
        this.createMethod.apply(null, args);
      }
      delete(optionsOrCallback, cb) {
        const [options, callback] = util_1.util.maybeOptionsOrCallback(optionsOrCallback, cb);
        const ignoreNotFound = options.ignoreNotFound;
        delete options.ignoreNotFound;
        const methodConfig = typeof this.methods.delete === "object" && this.methods.delete || {};
        const reqOpts = extend(true, {
          method: "DELETE",
          uri: ""
        }, methodConfig.reqOpts, {
          qs: options
        });
        _ServiceObject.prototype.request.call(this, reqOpts, (err, ...args) => {
          if (err) {
            if (err.code === 404 && ignoreNotFound) {
              err = null;
            }
          }
          callback(err, ...args);
        });
      }
      exists(optionsOrCallback, cb) {
        const [options, callback] = util_1.util.maybeOptionsOrCallback(optionsOrCallback, cb);
        this.get(options, (err) => {
          if (err) {
            if (err.code === 404) {
              callback(null, false);
            } else {
              callback(err);
            }
            return;
          }
          callback(null, true);
        });
      }
      get(optionsOrCallback, cb) {
        const self2 = this;
        const [opts, callback] = util_1.util.maybeOptionsOrCallback(optionsOrCallback, cb);
        const options = Object.assign({}, opts);
        const autoCreate = options.autoCreate && typeof this.create === "function";
        delete options.autoCreate;
        function onCreate(err, instance, apiResponse) {
          if (err) {
            if (err.code === 409) {
              self2.get(options, callback);
              return;
            }
            callback(err, null, apiResponse);
            return;
          }
          callback(null, instance, apiResponse);
        }
        this.getMetadata(options, (err, metadata) => {
          if (err) {
            if (err.code === 404 && autoCreate) {
              const args = [];
              if (Object.keys(options).length > 0) {
                args.push(options);
              }
              args.push(onCreate);
              void self2.create(...args);
              return;
            }
            callback(err, null, metadata);
            return;
          }
          callback(null, self2, metadata);
        });
      }
      getMetadata(optionsOrCallback, cb) {
        const [options, callback] = util_1.util.maybeOptionsOrCallback(optionsOrCallback, cb);
        const methodConfig = typeof this.methods.getMetadata === "object" && this.methods.getMetadata || {};
        const reqOpts = extend(true, {
          uri: ""
        }, methodConfig.reqOpts, {
          qs: options
        });
        _ServiceObject.prototype.request.call(this, reqOpts, (err, body, res) => {
          this.metadata = body;
          callback(err, this.metadata, res);
        });
      }
      /**
       * Return the user's custom request interceptors.
       */
      getRequestInterceptors() {
        const localInterceptors = this.interceptors.filter((interceptor) => typeof interceptor.request === "function").map((interceptor) => interceptor.request);
        return this.parent.getRequestInterceptors().concat(localInterceptors);
      }
      setMetadata(metadata, optionsOrCallback, cb) {
        const [options, callback] = util_1.util.maybeOptionsOrCallback(optionsOrCallback, cb);
        const methodConfig = typeof this.methods.setMetadata === "object" && this.methods.setMetadata || {};
        const reqOpts = extend(true, {}, {
          method: "PATCH",
          uri: ""
        }, methodConfig.reqOpts, {
          json: metadata,
          qs: options
        });
        _ServiceObject.prototype.request.call(this, reqOpts, (err, body, res) => {
          this.metadata = body;
          callback(err, this.metadata, res);
        });
      }
      request_(reqOpts, callback) {
        reqOpts = extend(true, {}, reqOpts);
        if (this.projectId) {
          reqOpts.projectId = this.projectId;
        }
        const isAbsoluteUrl = reqOpts.uri.indexOf("http") === 0;
        const uriComponents = [this.baseUrl, this.id || "", reqOpts.uri];
        if (isAbsoluteUrl) {
          uriComponents.splice(0, uriComponents.indexOf(reqOpts.uri));
        }
        reqOpts.uri = uriComponents.filter((x) => x.trim()).map((uriComponent) => {
          const trimSlashesRegex = /^\/*|\/*$/g;
          return uriComponent.replace(trimSlashesRegex, "");
        }).join("/");
        const childInterceptors = arrify(reqOpts.interceptors_);
        const localInterceptors = [].slice.call(this.interceptors);
        reqOpts.interceptors_ = childInterceptors.concat(localInterceptors);
        if (reqOpts.shouldReturnStream) {
          return this.parent.requestStream(reqOpts);
        }
        this.parent.request(reqOpts, callback);
      }
      request(reqOpts, callback) {
        this.request_(reqOpts, callback);
      }
      /**
       * Make an authenticated API request.
       *
       * @param {object} reqOpts - Request options that are passed to `request`.
       * @param {string} reqOpts.uri - A URI relative to the baseUrl.
       */
      requestStream(reqOpts) {
        const opts = extend(true, reqOpts, { shouldReturnStream: true });
        return this.request_(opts);
      }
    };
    exports.ServiceObject = ServiceObject;
    (0, promisify_1.promisifyAll)(ServiceObject, { exclude: ["getRequestInterceptors"] });
  }
});

// node_modules/@google-cloud/common/build/src/operation.js
var require_operation = __commonJS({
  "node_modules/@google-cloud/common/build/src/operation.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Operation = void 0;
    var service_object_1 = require_service_object();
    var util_1 = __require("util");
    var Operation = class extends service_object_1.ServiceObject {
      completeListeners;
      hasActiveListeners;
      /**
       * An Operation object allows you to interact with APIs that take longer to
       * process things.
       *
       * @constructor
       * @alias module:common/operation
       *
       * @param {object} config - Configuration object.
       * @param {module:common/service|module:common/serviceObject|module:common/grpcService|module:common/grpcServiceObject} config.parent - The parent object.
       */
      constructor(config) {
        const methods = {
          /**
           * Checks to see if an operation exists.
           */
          exists: true,
          /**
           * Retrieves the operation.
           */
          get: true,
          /**
           * Retrieves metadata for the operation.
           */
          getMetadata: {
            reqOpts: {
              name: config.id
            }
          }
        };
        config = Object.assign({
          baseUrl: ""
        }, config);
        config.methods = config.methods || methods;
        super(config);
        this.completeListeners = 0;
        this.hasActiveListeners = false;
        this.listenForEvents_();
      }
      /**
       * Wraps the `complete` and `error` events in a Promise.
       *
       * @return {Promise}
       */
      promise() {
        return new Promise((resolve, reject) => {
          this.on("error", reject).on("complete", (metadata) => {
            resolve([metadata]);
          });
        });
      }
      /**
       * Begin listening for events on the operation. This method keeps track of how
       * many "complete" listeners are registered and removed, making sure polling
       * is handled automatically.
       *
       * As long as there is one active "complete" listener, the connection is open.
       * When there are no more listeners, the polling stops.
       *
       * @private
       */
      listenForEvents_() {
        this.on("newListener", (event) => {
          if (event === "complete") {
            this.completeListeners++;
            if (!this.hasActiveListeners) {
              this.hasActiveListeners = true;
              void this.startPolling_();
            }
          }
        });
        this.on("removeListener", (event) => {
          if (event === "complete" && --this.completeListeners === 0) {
            this.hasActiveListeners = false;
          }
        });
      }
      /**
       * Poll for a status update. Returns null for an incomplete
       * status, and metadata for a complete status.
       *
       * @private
       */
      poll_(callback) {
        void this.getMetadata((err, body) => {
          if (err || body.error) {
            callback(err || body.error);
            return;
          }
          if (!body.done) {
            callback(null);
            return;
          }
          callback(null, body);
        });
      }
      /**
       * Poll `getMetadata` to check the operation's status. This runs a loop to
       * ping the API on an interval.
       *
       * Note: This method is automatically called once a "complete" event handler
       * is registered on the operation.
       *
       * @private
       */
      async startPolling_() {
        if (!this.hasActiveListeners) {
          return;
        }
        try {
          const metadata = await (0, util_1.promisify)(this.poll_.bind(this))();
          if (!metadata) {
            setTimeout(this.startPolling_.bind(this), this.pollIntervalMs || 500);
            return;
          }
          this.emit("complete", metadata);
        } catch (err) {
          this.emit("error", err);
        }
      }
    };
    exports.Operation = Operation;
  }
});

// node_modules/@google-cloud/common/build/src/index.js
var require_src6 = __commonJS({
  "node_modules/@google-cloud/common/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.util = exports.ApiError = exports.ServiceObject = exports.Service = exports.Operation = void 0;
    var operation_1 = require_operation();
    Object.defineProperty(exports, "Operation", { enumerable: true, get: function() {
      return operation_1.Operation;
    } });
    var service_1 = require_service();
    Object.defineProperty(exports, "Service", { enumerable: true, get: function() {
      return service_1.Service;
    } });
    var service_object_1 = require_service_object();
    Object.defineProperty(exports, "ServiceObject", { enumerable: true, get: function() {
      return service_object_1.ServiceObject;
    } });
    var util_1 = require_util();
    Object.defineProperty(exports, "ApiError", { enumerable: true, get: function() {
      return util_1.ApiError;
    } });
    Object.defineProperty(exports, "util", { enumerable: true, get: function() {
      return util_1.util;
    } });
  }
});

// node_modules/@google-cloud/paginator/build/src/resource-stream.js
var require_resource_stream = __commonJS({
  "node_modules/@google-cloud/paginator/build/src/resource-stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ResourceStream = void 0;
    var stream_1 = __require("stream");
    var ResourceStream = class extends stream_1.Transform {
      _ended;
      _maxApiCalls;
      _nextQuery;
      _otherArgs;
      _reading;
      _requestFn;
      _requestsMade;
      _resultsToSend;
      constructor(args, requestFn) {
        const options = Object.assign({ objectMode: true }, args.streamOptions);
        super(options);
        this._ended = false;
        this._maxApiCalls = args.maxApiCalls === -1 ? Infinity : args.maxApiCalls;
        this._nextQuery = args.query;
        this._reading = false;
        this._requestFn = requestFn;
        this._requestsMade = 0;
        this._resultsToSend = args.maxResults === -1 ? Infinity : args.maxResults;
        this._otherArgs = [];
      }
      /* eslint-disable  @typescript-eslint/no-explicit-any */
      end(...args) {
        this._ended = true;
        return super.end(...args);
      }
      _read() {
        if (this._reading) {
          return;
        }
        this._reading = true;
        try {
          this._requestFn(this._nextQuery, (err, results, nextQuery, ...otherArgs) => {
            if (err) {
              this.destroy(err);
              return;
            }
            this._otherArgs = otherArgs;
            this._nextQuery = nextQuery;
            if (this._resultsToSend !== Infinity) {
              results = results.splice(0, this._resultsToSend);
              this._resultsToSend -= results.length;
            }
            let more = true;
            for (const result of results) {
              if (this._ended) {
                break;
              }
              more = this.push(result);
            }
            const isFinished = !this._nextQuery || this._resultsToSend < 1;
            const madeMaxCalls = ++this._requestsMade >= this._maxApiCalls;
            if (isFinished || madeMaxCalls) {
              this.end();
            }
            if (more && !this._ended) {
              setImmediate(() => this._read());
            }
            this._reading = false;
          });
        } catch (e) {
          this.destroy(e);
        }
      }
    };
    exports.ResourceStream = ResourceStream;
  }
});

// node_modules/@google-cloud/paginator/build/src/index.js
var require_src7 = __commonJS({
  "node_modules/@google-cloud/paginator/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ResourceStream = exports.paginator = exports.Paginator = void 0;
    var extend = require_extend();
    var resource_stream_1 = require_resource_stream();
    Object.defineProperty(exports, "ResourceStream", { enumerable: true, get: function() {
      return resource_stream_1.ResourceStream;
    } });
    var Paginator = class {
      /**
       * Cache the original method, then overwrite it on the Class's prototype.
       *
       * @param {function} Class - The parent class of the methods to extend.
       * @param {string|string[]} methodNames - Name(s) of the methods to extend.
       */
      // tslint:disable-next-line:variable-name
      extend(Class, methodNames) {
        if (typeof methodNames === "string") {
          methodNames = [methodNames];
        }
        methodNames.forEach((methodName) => {
          const originalMethod = Class.prototype[methodName];
          Class.prototype[methodName + "_"] = originalMethod;
          Class.prototype[methodName] = function(...args) {
            const parsedArguments = paginator.parseArguments_(args);
            return paginator.run_(parsedArguments, originalMethod.bind(this));
          };
        });
      }
      /**
       * Wraps paginated API calls in a readable object stream.
       *
       * This method simply calls the nextQuery recursively, emitting results to a
       * stream. The stream ends when `nextQuery` is null.
       *
       * `maxResults` will act as a cap for how many results are fetched and emitted
       * to the stream.
       *
       * @param {string} methodName - Name of the method to streamify.
       * @return {function} - Wrapped function.
       */
      /* eslint-disable  @typescript-eslint/no-explicit-any */
      streamify(methodName) {
        return function(...args) {
          const parsedArguments = paginator.parseArguments_(args);
          const originalMethod = this[methodName + "_"] || this[methodName];
          return paginator.runAsStream_(parsedArguments, originalMethod.bind(this));
        };
      }
      /**
       * Parse a pseudo-array `arguments` for a query and callback.
       *
       * @param {array} args - The original `arguments` pseduo-array that the original
       *     method received.
       */
      /* eslint-disable  @typescript-eslint/no-explicit-any */
      parseArguments_(args) {
        let query;
        let autoPaginate = true;
        let maxApiCalls = -1;
        let maxResults = -1;
        let callback;
        const firstArgument = args[0];
        const lastArgument = args[args.length - 1];
        if (typeof firstArgument === "function") {
          callback = firstArgument;
        } else {
          query = firstArgument;
        }
        if (typeof lastArgument === "function") {
          callback = lastArgument;
        }
        if (typeof query === "object") {
          query = extend(true, {}, query);
          if (query.maxResults && typeof query.maxResults === "number") {
            maxResults = query.maxResults;
          } else if (typeof query.pageSize === "number") {
            maxResults = query.pageSize;
          }
          if (query.maxApiCalls && typeof query.maxApiCalls === "number") {
            maxApiCalls = query.maxApiCalls;
            delete query.maxApiCalls;
          }
          if (maxResults !== -1 || query.autoPaginate === false) {
            autoPaginate = false;
          }
        }
        const parsedArguments = {
          query: query || {},
          autoPaginate,
          maxApiCalls,
          maxResults,
          callback
        };
        parsedArguments.streamOptions = extend(true, {}, parsedArguments.query);
        delete parsedArguments.streamOptions.autoPaginate;
        delete parsedArguments.streamOptions.maxResults;
        delete parsedArguments.streamOptions.pageSize;
        return parsedArguments;
      }
      /**
       * This simply checks to see if `autoPaginate` is set or not, if it's true
       * then we buffer all results, otherwise simply call the original method.
       *
       * @param {array} parsedArguments - Parsed arguments from the original method
       *     call.
       * @param {object=|string=} parsedArguments.query - Query object. This is most
       *     commonly an object, but to make the API more simple, it can also be a
       *     string in some places.
       * @param {function=} parsedArguments.callback - Callback function.
       * @param {boolean} parsedArguments.autoPaginate - Auto-pagination enabled.
       * @param {boolean} parsedArguments.maxApiCalls - Maximum API calls to make.
       * @param {number} parsedArguments.maxResults - Maximum results to return.
       * @param {function} originalMethod - The cached method that accepts a callback
       *     and returns `nextQuery` to receive more results.
       */
      run_(parsedArguments, originalMethod) {
        const query = parsedArguments.query;
        const callback = parsedArguments.callback;
        if (!parsedArguments.autoPaginate) {
          return originalMethod(query, callback);
        }
        const results = new Array();
        let otherArgs = [];
        const promise = new Promise((resolve, reject) => {
          const stream = paginator.runAsStream_(parsedArguments, originalMethod);
          stream.on("error", reject).on("data", (data) => results.push(data)).on("end", () => {
            otherArgs = stream._otherArgs || [];
            resolve(results);
          });
        });
        if (!callback) {
          return promise.then((results2) => [results2, query, ...otherArgs]);
        }
        promise.then((results2) => callback(null, results2, query, ...otherArgs), (err) => callback(err));
      }
      /**
       * This method simply calls the nextQuery recursively, emitting results to a
       * stream. The stream ends when `nextQuery` is null.
       *
       * `maxResults` will act as a cap for how many results are fetched and emitted
       * to the stream.
       *
       * @param {object=|string=} parsedArguments.query - Query object. This is most
       *     commonly an object, but to make the API more simple, it can also be a
       *     string in some places.
       * @param {function=} parsedArguments.callback - Callback function.
       * @param {boolean} parsedArguments.autoPaginate - Auto-pagination enabled.
       * @param {boolean} parsedArguments.maxApiCalls - Maximum API calls to make.
       * @param {number} parsedArguments.maxResults - Maximum results to return.
       * @param {function} originalMethod - The cached method that accepts a callback
       *     and returns `nextQuery` to receive more results.
       * @return {stream} - Readable object stream.
       */
      /* eslint-disable  @typescript-eslint/no-explicit-any */
      runAsStream_(parsedArguments, originalMethod) {
        return new resource_stream_1.ResourceStream(parsedArguments, originalMethod);
      }
    };
    exports.Paginator = Paginator;
    var paginator = new Paginator();
    exports.paginator = paginator;
  }
});

// node_modules/@google-cloud/promisify/build/src/index.js
var require_src8 = __commonJS({
  "node_modules/@google-cloud/promisify/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.promisify = promisify;
    exports.promisifyAll = promisifyAll;
    exports.callbackify = callbackify;
    exports.callbackifyAll = callbackifyAll;
    function promisify(originalMethod, options) {
      if (originalMethod.promisified_) {
        return originalMethod;
      }
      options = options || {};
      const slice = Array.prototype.slice;
      const wrapper = function() {
        let last;
        for (last = arguments.length - 1; last >= 0; last--) {
          const arg = arguments[last];
          if (typeof arg === "undefined") {
            continue;
          }
          if (typeof arg !== "function") {
            break;
          }
          return originalMethod.apply(this, arguments);
        }
        const args = slice.call(arguments, 0, last + 1);
        let PromiseCtor = Promise;
        if (this && this.Promise) {
          PromiseCtor = this.Promise;
        }
        return new PromiseCtor((resolve, reject) => {
          args.push((...args2) => {
            const callbackArgs = slice.call(args2);
            const err = callbackArgs.shift();
            if (err) {
              return reject(err);
            }
            if (options.singular && callbackArgs.length === 1) {
              resolve(callbackArgs[0]);
            } else {
              resolve(callbackArgs);
            }
          });
          originalMethod.apply(this, args);
        });
      };
      wrapper.promisified_ = true;
      return wrapper;
    }
    function promisifyAll(Class, options) {
      const exclude = options && options.exclude || [];
      const ownPropertyNames = Object.getOwnPropertyNames(Class.prototype);
      const methods = ownPropertyNames.filter((methodName) => {
        return !exclude.includes(methodName) && typeof Class.prototype[methodName] === "function" && // is it a function?
        !/(^_|(Stream|_)|promise$)|^constructor$/.test(methodName);
      });
      methods.forEach((methodName) => {
        const originalMethod = Class.prototype[methodName];
        if (!originalMethod.promisified_) {
          Class.prototype[methodName] = exports.promisify(originalMethod, options);
        }
      });
    }
    function callbackify(originalMethod) {
      if (originalMethod.callbackified_) {
        return originalMethod;
      }
      const wrapper = function() {
        if (typeof arguments[arguments.length - 1] !== "function") {
          return originalMethod.apply(this, arguments);
        }
        const cb = Array.prototype.pop.call(arguments);
        originalMethod.apply(this, arguments).then(
          // tslint:disable-next-line:no-any
          (res) => {
            res = Array.isArray(res) ? res : [res];
            cb(null, ...res);
          },
          (err) => cb(err)
        );
      };
      wrapper.callbackified_ = true;
      return wrapper;
    }
    function callbackifyAll(Class, options) {
      const exclude = options && options.exclude || [];
      const ownPropertyNames = Object.getOwnPropertyNames(Class.prototype);
      const methods = ownPropertyNames.filter((methodName) => {
        return !exclude.includes(methodName) && typeof Class.prototype[methodName] === "function" && // is it a function?
        !/^_|(Stream|_)|^constructor$/.test(methodName);
      });
      methods.forEach((methodName) => {
        const originalMethod = Class.prototype[methodName];
        if (!originalMethod.callbackified_) {
          Class.prototype[methodName] = exports.callbackify(originalMethod);
        }
      });
    }
  }
});

// node_modules/@google-cloud/precise-date/build/src/index.js
var require_src9 = __commonJS({
  "node_modules/@google-cloud/precise-date/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PreciseDate = void 0;
    var FULL_ISO_REG = /\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{4,12}Z/;
    var NO_BIG_INT = "BigInt only available in Node >= v10.7. Consider using getFullTimeString instead.";
    var Sign;
    (function(Sign2) {
      Sign2[Sign2["NEGATIVE"] = -1] = "NEGATIVE";
      Sign2[Sign2["POSITIVE"] = 1] = "POSITIVE";
      Sign2[Sign2["ZERO"] = 0] = "ZERO";
    })(Sign || (Sign = {}));
    var PreciseDate = class _PreciseDate extends Date {
      _micros = 0;
      _nanos = 0;
      _picos = 0;
      constructor(time) {
        super();
        if (time && typeof time !== "number" && !(time instanceof Date)) {
          if (typeof time === "string" && isFullISOString(time)) {
            const pd = parseFullISO(time);
            this.setFullTime(pd.getFullTimeString());
            this.setPicoseconds(pd.getPicoseconds());
            return;
          }
          this.setFullTime(_PreciseDate.parseFull(time));
          return;
        }
        const args = Array.from(arguments);
        const dateFields = args.slice(0, 7);
        const date = new Date(...dateFields);
        const picos = args.length === 10 ? args.pop() : 0;
        const nanos = args.length === 9 ? args.pop() : 0;
        const micros = args.length === 8 ? args.pop() : 0;
        this.setTime(date.getTime());
        this.setMicroseconds(micros);
        this.setNanoseconds(nanos);
        if (picos !== 0) {
          this.setPicoseconds(picos);
        }
      }
      /**
       * Returns the specified date represented in nanoseconds according to
       * universal time.
       *
       * **NOTE:** Because this method returns a `BigInt` it requires Node >= v10.7.
       * Use {@link PreciseDate#getFullTimeString} to get the time as a string.
       *
       * @see {@link https://github.com/tc39/proposal-bigint|BigInt}
       *
       * @throws {error} If `BigInt` is unavailable.
       * @returns {bigint}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145231Z');
       *
       * console.log(date.getFullTime());
       * // expected output: 1549622069481145231n
       */
      getFullTime() {
        if (typeof BigInt !== "function") {
          throw new Error(NO_BIG_INT);
        }
        return BigInt(this.getFullTimeString());
      }
      /**
       * Returns a string of the specified date represented in nanoseconds according
       * to universal time.
       *
       * @returns {string}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145231Z');
       *
       * console.log(date.getFullTimeString());
       * // expected output: "1549622069481145231"
       */
      getFullTimeString() {
        const seconds = this._getSeconds();
        let nanos = this._getNanos();
        if (nanos && Math.sign(seconds) === Sign.NEGATIVE) {
          nanos = 1e9 - nanos;
        }
        return `${seconds}${padLeft(nanos, 9)}`;
      }
      /**
       * Returns the microseconds in the specified date according to universal time.
       *
       * @returns {number}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145Z');
       *
       * console.log(date.getMicroseconds());
       * // expected output: 145
       */
      getMicroseconds() {
        return this._micros;
      }
      /**
       * Returns the nanoseconds in the specified date according to universal time.
       *
       * @returns {number}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145231Z');
       *
       * console.log(date.getNanoseconds());
       * // expected output: 231
       */
      getNanoseconds() {
        return this._nanos;
      }
      /**
       * Returns the picoseconds in the specified date according to universal time.
       *
       * @returns {number}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145231123Z');
       *
       * console.log(date.getPicoseconds());
       * // expected output: 123
       */
      getPicoseconds() {
        return this._picos;
      }
      /**
       * Sets the microseconds for a specified date according to universal time.
       *
       * @param {number} microseconds A number representing the microseconds.
       * @returns {string} Returns a string representing the nanoseconds in the
       *     specified date according to universal time.
       *
       * @example
       * const date = new PreciseDate();
       *
       * date.setMicroseconds(149);
       *
       * console.log(date.getMicroseconds());
       * // expected output: 149
       */
      setMicroseconds(micros) {
        const abs = Math.abs(micros);
        let millis = this.getUTCMilliseconds();
        if (abs >= 1e3) {
          millis += Math.floor(abs / 1e3) * Math.sign(micros);
          micros %= 1e3;
        }
        if (Math.sign(micros) === Sign.NEGATIVE) {
          millis -= 1;
          micros += 1e3;
        }
        this._micros = micros;
        this.setUTCMilliseconds(millis);
        return this.getFullTimeString();
      }
      /**
       * Sets the nanoseconds for a specified date according to universal time.
       *
       * @param {number} nanoseconds A number representing the nanoseconds.
       * @returns {string} Returns a string representing the nanoseconds in the
       *     specified date according to universal time.
       *
       * @example
       * const date = new PreciseDate();
       *
       * date.setNanoseconds(231);
       *
       * console.log(date.getNanoseconds());
       * // expected output: 231
       */
      setNanoseconds(nanos) {
        const abs = Math.abs(nanos);
        let micros = this._micros;
        if (abs >= 1e3) {
          micros += Math.floor(abs / 1e3) * Math.sign(nanos);
          nanos %= 1e3;
        }
        if (Math.sign(nanos) === Sign.NEGATIVE) {
          micros -= 1;
          nanos += 1e3;
        }
        this._nanos = nanos;
        return this.setMicroseconds(micros);
      }
      /**
       * Sets the picoseconds for a specified date according to universal time.
       *
       * @param {number} picoseconds A number representing the picoseconds.
       * @returns {string} Returns a string representing the nanoseconds in the
       *     specified date according to universal time.
       *
       * @example
       * const date = new PreciseDate();
       *
       * date.setPicoseconds(123);
       *
       * console.log(date.getPicoseconds());
       * // expected output: 123
       */
      setPicoseconds(picos) {
        const abs = Math.abs(picos);
        let nanos = this._nanos;
        if (abs >= 1e3) {
          nanos += Math.floor(abs / 1e3) * Math.sign(picos);
          picos %= 1e3;
        }
        if (Math.sign(picos) === Sign.NEGATIVE) {
          nanos -= 1;
          picos += 1e3;
        }
        this._picos = picos;
        return this.setNanoseconds(nanos);
      }
      /**
       * Sets the PreciseDate object to the time represented by a number of
       * nanoseconds since January 1, 1970, 00:00:00 UTC.
       *
       * @param {bigint|number|string} time Value representing the number of
       *     nanoseconds since January 1, 1970, 00:00:00 UTC.
       * @returns {string} Returns a string representing the nanoseconds in the
       *     specified date according to universal time (effectively, the value of
       *     the argument).
       *
       * @see {@link https://github.com/tc39/proposal-bigint|BigInt}
       *
       * @example <caption>With a nanosecond string.</caption>
       * const date = new PreciseDate();
       * date.setFullTime('1549622069481145231');
       *
       * @example <caption>With a BigInt</caption>
       * date.setFullTime(1549622069481145231n);
       */
      setFullTime(time) {
        if (typeof time !== "string") {
          time = time.toString();
        }
        const sign = Math.sign(Number(time));
        time = time.replace(/^-/, "");
        const seconds = Number(time.substr(0, time.length - 9)) * sign;
        const nanos = Number(time.substr(-9)) * sign;
        this.setTime(seconds * 1e3);
        return this.setNanoseconds(nanos);
      }
      /**
       * Sets the PreciseDate object to the time represented by a number of
       * milliseconds since January 1, 1970, 00:00:00 UTC. Calling this method will
       * reset both the microseconds and nanoseconds to 0.
       *
       * @see {@link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date/setTime|Date#setTime}
       *
       * @param {number} time Value representing the number of milliseconds since
       *     January 1, 1970, 00:00:00 UTC.
       * @returns {string} The number of milliseconds between January 1, 1970,
       *     00:00:00 UTC and the updated date (effectively, the value of the
       *     argument).
       */
      setTime(time) {
        this._micros = 0;
        this._nanos = 0;
        this._picos = 0;
        return super.setTime(time);
      }
      /**
       * Returns a string in RFC 3339 format. Unlike the native `Date#toISOString`,
       * this will return 9 digits to represent sub-second precision.
       *
       * @see {@link https://tools.ietf.org/html/rfc3339|RFC 3339}
       *
       * @returns {string}
       *
       * @example
       * const date = new PreciseDate(1549622069481145231n);
       *
       * console.log(date.toISOString());
       * // expected output: "2019-02-08T10:34:29.481145231Z"
       */
      toISOString() {
        const micros = padLeft(this._micros, 3);
        const nanos = padLeft(this._nanos, 3);
        let picos = "";
        if (this._picos > 0) {
          picos = padLeft(this._picos, 3);
        }
        return super.toISOString().replace(/z$/i, `${micros}${nanos}${picos}Z`);
      }
      /**
       * Returns an object representing the specified date according to universal
       * time.
       *
       * @see {@link https://developers.google.com/protocol-buffers/docs/reference/google.protobuf#timestamp|google.protobuf.Timestamp}
       *
       * @returns {DateStruct}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145231Z');
       *
       * console.log(date.toStruct());
       * // expected output: {seconds: 1549622069, nanos: 481145231}
       */
      toStruct() {
        let seconds = this._getSeconds();
        const nanos = this._getNanos();
        const sign = Math.sign(seconds);
        if (sign === Sign.NEGATIVE && nanos) {
          seconds -= 1;
        }
        return { seconds, nanos };
      }
      /**
       * Returns a tuple representing the specified date according to universal
       * time.
       *
       * @returns {DateTuple}
       *
       * @example
       * const date = new PreciseDate('2019-02-08T10:34:29.481145231Z');
       *
       * console.log(date.toTuple());
       * // expected output: [1549622069, 481145231]
       */
      toTuple() {
        const { seconds, nanos } = this.toStruct();
        return [seconds, nanos];
      }
      /**
       * Returns the total number of seconds in the specified date since Unix epoch.
       * Numbers representing < epoch will be negative.
       *
       * @private
       *
       * @returns {number}
       */
      _getSeconds() {
        const time = this.getTime();
        const sign = Math.sign(time);
        return Math.floor(Math.abs(time) / 1e3) * sign;
      }
      /**
       * Returns the sub-second precision of the specified date. This will always be
       * a positive number.
       *
       * @private
       *
       * @returns {number}
       */
      _getNanos() {
        const msInNanos = this.getUTCMilliseconds() * 1e6;
        const microsInNanos = this._micros * 1e3;
        return this._nanos + msInNanos + microsInNanos;
      }
      /**
       * Parses a precise time.
       *
       * @static
       *
       * @param {string|bigint|DateTuple|DateStruct} time The precise time value.
       * @returns {string} Returns a string representing the nanoseconds in the
       *     specified date according to universal time.
       *
       * @example <caption>From a RFC 3339 formatted string.</caption>
       * const time = PreciseDate.parseFull('2019-02-08T10:34:29.481145231Z');
       * console.log(time); // expected output: "1549622069481145231"
       *
       * @example <caption>From a nanosecond timestamp string.</caption>
       * const time = PreciseDate.parseFull('1549622069481145231');
       * console.log(time); // expected output: "1549622069481145231"
       *
       * @example <caption>From a BigInt (requires Node >= v10.7)</caption>
       * const time = PreciseDate.parseFull(1549622069481145231n);
       * console.log(time); // expected output: "1549622069481145231"
       *
       * @example <caption>From a tuple.</caption>
       * const time = PreciseDate.parseFull([1549622069, 481145231]);
       * console.log(time); // expected output: "1549622069481145231"
       *
       * @example <caption>From an object.</caption>
       * const struct = {seconds: 1549622069, nanos: 481145231};
       * const time = PreciseDate.parseFull(struct);
       * console.log(time); // expected output: "1549622069481145231"
       */
      static parseFull(time) {
        const date = new _PreciseDate();
        if (Array.isArray(time)) {
          const [seconds, nanos] = time;
          time = { seconds, nanos };
        }
        if (isFullTime(time)) {
          date.setFullTime(time);
        } else if (isStruct(time)) {
          const { seconds, nanos } = parseProto(time);
          date.setTime(seconds * 1e3);
          date.setNanoseconds(nanos);
        } else if (isFullISOString(time)) {
          const pd = parseFullISO(time);
          date.setFullTime(pd.getFullTimeString());
          date.setPicoseconds(pd.getPicoseconds());
        } else {
          date.setTime(new Date(time).getTime());
        }
        return date.getFullTimeString();
      }
      /**
       * Accepts the same number parameters as the PreciseDate constructor, but
       * treats them as UTC. It returns a string that represents the number of
       * nanoseconds since January 1, 1970, 00:00:00 UTC.
       *
       * **NOTE:** Because this method returns a `BigInt` it requires Node >= v10.7.
       *
       * @see {@link https://github.com/tc39/proposal-bigint|BigInt}
       *
       * @static
       *
       * @throws {error} If `BigInt` is unavailable.
       *
       * @param {...number} [dateFields] The date fields.
       * @returns {bigint}
       *
       * @example
       * const time = PreciseDate.fullUTC(2019, 1, 8, 10, 34, 29, 481, 145, 231);
       * console.log(time); // expected output: 1549622069481145231n
       */
      static fullUTC(...args) {
        if (typeof BigInt !== "function") {
          throw new Error(NO_BIG_INT);
        }
        return BigInt(_PreciseDate.fullUTCString(...args));
      }
      /**
       * Accepts the same number parameters as the PreciseDate constructor, but
       * treats them as UTC. It returns a string that represents the number of
       * nanoseconds since January 1, 1970, 00:00:00 UTC.
       *
       * @static
       *
       * @param {...number} [dateFields] The date fields.
       * @returns {string}
       *
       * @example
       * const time = PreciseDate.fullUTCString(2019, 1, 8, 10, 34, 29, 481, 145,
       * 231); console.log(time); // expected output: '1549622069481145231'
       */
      static fullUTCString(...args) {
        const milliseconds = Date.UTC(...args.slice(0, 7));
        const date = new _PreciseDate(milliseconds);
        if (args.length === 10) {
          date.setPicoseconds(args.pop());
        }
        if (args.length === 9) {
          date.setNanoseconds(args.pop());
        }
        if (args.length === 8) {
          date.setMicroseconds(args.pop());
        }
        return date.getFullTimeString();
      }
    };
    exports.PreciseDate = PreciseDate;
    function parseFullISO(time) {
      let digits = "0";
      time = time.replace(/\.(\d+)/, ($0, $1) => {
        digits = $1;
        return ".000";
      });
      const picos = Number(padRight(digits, 12));
      const date = new PreciseDate(time);
      date.setPicoseconds(picos);
      return date;
    }
    function parseProto({ seconds = 0, nanos = 0 }) {
      if (typeof seconds.toNumber === "function") {
        seconds = seconds.toNumber();
      }
      seconds = Number(seconds);
      nanos = Number(nanos);
      return { seconds, nanos };
    }
    function isFullTime(time) {
      return typeof time === "bigint" || typeof time === "string" && /^\d+$/.test(time);
    }
    function isStruct(time) {
      return typeof time === "object" && typeof time.seconds !== "undefined" || typeof time.nanos === "number";
    }
    function isFullISOString(time) {
      return typeof time === "string" && FULL_ISO_REG.test(time);
    }
    function padLeft(n, min) {
      const padding = getPadding(n, min);
      return `${padding}${n}`;
    }
    function padRight(n, min) {
      const padding = getPadding(n, min);
      return `${n}${padding}`;
    }
    function getPadding(n, min) {
      const size = Math.max(min - n.toString().length, 0);
      return "0".repeat(size);
    }
  }
});

// node_modules/@google-cloud/bigquery/build/src/util.js
var require_util2 = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toArray = toArray;
    exports.isObject = isObject;
    exports.isString = isString;
    exports.isArray = isArray;
    exports.isDate = isDate;
    exports.isBoolean = isBoolean;
    exports.isNumber = isNumber;
    function toArray(value) {
      if (value === null || value === void 0) {
        return [];
      }
      if (Array.isArray(value)) {
        return value;
      }
      if (typeof value === "string") {
        return [value];
      }
      if (typeof value[Symbol.iterator] === "function") {
        return [...value];
      }
      return [value];
    }
    function isObject(value) {
      return value && [void 0, Object].includes(value.constructor);
    }
    function isString(value) {
      return Object.prototype.toString.call(value) === "[object String]";
    }
    function isArray(value) {
      return Array.isArray(value);
    }
    function isDate(value) {
      return value instanceof Date;
    }
    function isBoolean(value) {
      return Object.prototype.toString.call(value) === "[object Boolean]";
    }
    function isNumber(value) {
      return Object.prototype.toString.call(value) === "[object Number]";
    }
  }
});

// node_modules/big.js/big.js
var require_big = __commonJS({
  "node_modules/big.js/big.js"(exports, module) {
    (function(GLOBAL) {
      "use strict";
      var Big, DP = 20, RM = 1, MAX_DP = 1e6, MAX_POWER = 1e6, NE = -7, PE = 21, STRICT = false, NAME = "[big.js] ", INVALID = NAME + "Invalid ", INVALID_DP = INVALID + "decimal places", INVALID_RM = INVALID + "rounding mode", DIV_BY_ZERO = NAME + "Division by zero", P = {}, UNDEFINED = void 0, NUMERIC = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
      function _Big_() {
        function Big2(n) {
          var x = this;
          if (!(x instanceof Big2)) {
            return n === UNDEFINED && arguments.length === 0 ? _Big_() : new Big2(n);
          }
          if (n instanceof Big2) {
            x.s = n.s;
            x.e = n.e;
            x.c = n.c.slice();
          } else {
            if (typeof n !== "string") {
              if (Big2.strict === true && typeof n !== "bigint") {
                throw TypeError(INVALID + "value");
              }
              n = n === 0 && 1 / n < 0 ? "-0" : String(n);
            }
            parse(x, n);
          }
          x.constructor = Big2;
        }
        Big2.prototype = P;
        Big2.DP = DP;
        Big2.RM = RM;
        Big2.NE = NE;
        Big2.PE = PE;
        Big2.strict = STRICT;
        Big2.roundDown = 0;
        Big2.roundHalfUp = 1;
        Big2.roundHalfEven = 2;
        Big2.roundUp = 3;
        return Big2;
      }
      function parse(x, n) {
        var e, i, nl;
        if (!NUMERIC.test(n)) {
          throw Error(INVALID + "number");
        }
        x.s = n.charAt(0) == "-" ? (n = n.slice(1), -1) : 1;
        if ((e = n.indexOf(".")) > -1) n = n.replace(".", "");
        if ((i = n.search(/e/i)) > 0) {
          if (e < 0) e = i;
          e += +n.slice(i + 1);
          n = n.substring(0, i);
        } else if (e < 0) {
          e = n.length;
        }
        nl = n.length;
        for (i = 0; i < nl && n.charAt(i) == "0"; ) ++i;
        if (i == nl) {
          x.c = [x.e = 0];
        } else {
          for (; nl > 0 && n.charAt(--nl) == "0"; ) ;
          x.e = e - i - 1;
          x.c = [];
          for (e = 0; i <= nl; ) x.c[e++] = +n.charAt(i++);
        }
        return x;
      }
      function round(x, sd, rm, more) {
        var xc = x.c;
        if (rm === UNDEFINED) rm = x.constructor.RM;
        if (rm !== 0 && rm !== 1 && rm !== 2 && rm !== 3) {
          throw Error(INVALID_RM);
        }
        if (sd < 1) {
          more = rm === 3 && (more || !!xc[0]) || sd === 0 && (rm === 1 && xc[0] >= 5 || rm === 2 && (xc[0] > 5 || xc[0] === 5 && (more || xc[1] !== UNDEFINED)));
          xc.length = 1;
          if (more) {
            x.e = x.e - sd + 1;
            xc[0] = 1;
          } else {
            xc[0] = x.e = 0;
          }
        } else if (sd < xc.length) {
          more = rm === 1 && xc[sd] >= 5 || rm === 2 && (xc[sd] > 5 || xc[sd] === 5 && (more || xc[sd + 1] !== UNDEFINED || xc[sd - 1] & 1)) || rm === 3 && (more || !!xc[0]);
          xc.length = sd;
          if (more) {
            for (; ++xc[--sd] > 9; ) {
              xc[sd] = 0;
              if (sd === 0) {
                ++x.e;
                xc.unshift(1);
                break;
              }
            }
          }
          for (sd = xc.length; !xc[--sd]; ) xc.pop();
        }
        return x;
      }
      function stringify(x, doExponential, isNonzero) {
        var e = x.e, s = x.c.join(""), n = s.length;
        if (doExponential) {
          s = s.charAt(0) + (n > 1 ? "." + s.slice(1) : "") + (e < 0 ? "e" : "e+") + e;
        } else if (e < 0) {
          for (; ++e; ) s = "0" + s;
          s = "0." + s;
        } else if (e > 0) {
          if (++e > n) {
            for (e -= n; e--; ) s += "0";
          } else if (e < n) {
            s = s.slice(0, e) + "." + s.slice(e);
          }
        } else if (n > 1) {
          s = s.charAt(0) + "." + s.slice(1);
        }
        return x.s < 0 && isNonzero ? "-" + s : s;
      }
      P.abs = function() {
        var x = new this.constructor(this);
        x.s = 1;
        return x;
      };
      P.cmp = function(y) {
        var isneg, x = this, xc = x.c, yc = (y = new x.constructor(y)).c, i = x.s, j = y.s, k = x.e, l = y.e;
        if (!xc[0] || !yc[0]) return !xc[0] ? !yc[0] ? 0 : -j : i;
        if (i != j) return i;
        isneg = i < 0;
        if (k != l) return k > l ^ isneg ? 1 : -1;
        j = (k = xc.length) < (l = yc.length) ? k : l;
        for (i = -1; ++i < j; ) {
          if (xc[i] != yc[i]) return xc[i] > yc[i] ^ isneg ? 1 : -1;
        }
        return k == l ? 0 : k > l ^ isneg ? 1 : -1;
      };
      P.div = function(y) {
        var x = this, Big2 = x.constructor, a = x.c, b = (y = new Big2(y)).c, k = x.s == y.s ? 1 : -1, dp = Big2.DP;
        if (dp !== ~~dp || dp < 0 || dp > MAX_DP) {
          throw Error(INVALID_DP);
        }
        if (!b[0]) {
          throw Error(DIV_BY_ZERO);
        }
        if (!a[0]) {
          y.s = k;
          y.c = [y.e = 0];
          return y;
        }
        var bl, bt, n, cmp, ri, bz = b.slice(), ai = bl = b.length, al = a.length, r = a.slice(0, bl), rl = r.length, q = y, qc = q.c = [], qi = 0, p = dp + (q.e = x.e - y.e) + 1;
        q.s = k;
        k = p < 0 ? 0 : p;
        bz.unshift(0);
        for (; rl++ < bl; ) r.push(0);
        do {
          for (n = 0; n < 10; n++) {
            if (bl != (rl = r.length)) {
              cmp = bl > rl ? 1 : -1;
            } else {
              for (ri = -1, cmp = 0; ++ri < bl; ) {
                if (b[ri] != r[ri]) {
                  cmp = b[ri] > r[ri] ? 1 : -1;
                  break;
                }
              }
            }
            if (cmp < 0) {
              for (bt = rl == bl ? b : bz; rl; ) {
                if (r[--rl] < bt[rl]) {
                  ri = rl;
                  for (; ri && !r[--ri]; ) r[ri] = 9;
                  --r[ri];
                  r[rl] += 10;
                }
                r[rl] -= bt[rl];
              }
              for (; !r[0]; ) r.shift();
            } else {
              break;
            }
          }
          qc[qi++] = cmp ? n : ++n;
          if (r[0] && cmp) r[rl] = a[ai] || 0;
          else r = [a[ai]];
        } while ((ai++ < al || r[0] !== UNDEFINED) && k--);
        if (!qc[0] && qi != 1) {
          qc.shift();
          q.e--;
          p--;
        }
        if (qi > p) round(q, p, Big2.RM, r[0] !== UNDEFINED);
        return q;
      };
      P.eq = function(y) {
        return this.cmp(y) === 0;
      };
      P.gt = function(y) {
        return this.cmp(y) > 0;
      };
      P.gte = function(y) {
        return this.cmp(y) > -1;
      };
      P.lt = function(y) {
        return this.cmp(y) < 0;
      };
      P.lte = function(y) {
        return this.cmp(y) < 1;
      };
      P.minus = P.sub = function(y) {
        var i, j, t, xlty, x = this, Big2 = x.constructor, a = x.s, b = (y = new Big2(y)).s;
        if (a != b) {
          y.s = -b;
          return x.plus(y);
        }
        var xc = x.c.slice(), xe = x.e, yc = y.c, ye = y.e;
        if (!xc[0] || !yc[0]) {
          if (yc[0]) {
            y.s = -b;
          } else if (xc[0]) {
            y = new Big2(x);
          } else {
            y.s = 1;
          }
          return y;
        }
        if (a = xe - ye) {
          if (xlty = a < 0) {
            a = -a;
            t = xc;
          } else {
            ye = xe;
            t = yc;
          }
          t.reverse();
          for (b = a; b--; ) t.push(0);
          t.reverse();
        } else {
          j = ((xlty = xc.length < yc.length) ? xc : yc).length;
          for (a = b = 0; b < j; b++) {
            if (xc[b] != yc[b]) {
              xlty = xc[b] < yc[b];
              break;
            }
          }
        }
        if (xlty) {
          t = xc;
          xc = yc;
          yc = t;
          y.s = -y.s;
        }
        if ((b = (j = yc.length) - (i = xc.length)) > 0) for (; b--; ) xc[i++] = 0;
        for (b = i; j > a; ) {
          if (xc[--j] < yc[j]) {
            for (i = j; i && !xc[--i]; ) xc[i] = 9;
            --xc[i];
            xc[j] += 10;
          }
          xc[j] -= yc[j];
        }
        for (; xc[--b] === 0; ) xc.pop();
        for (; xc[0] === 0; ) {
          xc.shift();
          --ye;
        }
        if (!xc[0]) {
          y.s = 1;
          xc = [ye = 0];
        }
        y.c = xc;
        y.e = ye;
        return y;
      };
      P.mod = function(y) {
        var ygtx, x = this, Big2 = x.constructor, a = x.s, b = (y = new Big2(y)).s;
        if (!y.c[0]) {
          throw Error(DIV_BY_ZERO);
        }
        x.s = y.s = 1;
        ygtx = y.cmp(x) == 1;
        x.s = a;
        y.s = b;
        if (ygtx) return new Big2(x);
        a = Big2.DP;
        b = Big2.RM;
        Big2.DP = Big2.RM = 0;
        x = x.div(y);
        Big2.DP = a;
        Big2.RM = b;
        return this.minus(x.times(y));
      };
      P.neg = function() {
        var x = new this.constructor(this);
        x.s = -x.s;
        return x;
      };
      P.plus = P.add = function(y) {
        var e, k, t, x = this, Big2 = x.constructor;
        y = new Big2(y);
        if (x.s != y.s) {
          y.s = -y.s;
          return x.minus(y);
        }
        var xe = x.e, xc = x.c, ye = y.e, yc = y.c;
        if (!xc[0] || !yc[0]) {
          if (!yc[0]) {
            if (xc[0]) {
              y = new Big2(x);
            } else {
              y.s = x.s;
            }
          }
          return y;
        }
        xc = xc.slice();
        if (e = xe - ye) {
          if (e > 0) {
            ye = xe;
            t = yc;
          } else {
            e = -e;
            t = xc;
          }
          t.reverse();
          for (; e--; ) t.push(0);
          t.reverse();
        }
        if (xc.length - yc.length < 0) {
          t = yc;
          yc = xc;
          xc = t;
        }
        e = yc.length;
        for (k = 0; e; xc[e] %= 10) k = (xc[--e] = xc[e] + yc[e] + k) / 10 | 0;
        if (k) {
          xc.unshift(k);
          ++ye;
        }
        for (e = xc.length; xc[--e] === 0; ) xc.pop();
        y.c = xc;
        y.e = ye;
        return y;
      };
      P.pow = function(n) {
        var x = this, one = new x.constructor("1"), y = one, isneg = n < 0;
        if (n !== ~~n || n < -MAX_POWER || n > MAX_POWER) {
          throw Error(INVALID + "exponent");
        }
        if (isneg) n = -n;
        for (; ; ) {
          if (n & 1) y = y.times(x);
          n >>= 1;
          if (!n) break;
          x = x.times(x);
        }
        return isneg ? one.div(y) : y;
      };
      P.prec = function(sd, rm) {
        if (sd !== ~~sd || sd < 1 || sd > MAX_DP) {
          throw Error(INVALID + "precision");
        }
        return round(new this.constructor(this), sd, rm);
      };
      P.round = function(dp, rm) {
        if (dp === UNDEFINED) dp = 0;
        else if (dp !== ~~dp || dp < -MAX_DP || dp > MAX_DP) {
          throw Error(INVALID_DP);
        }
        return round(new this.constructor(this), dp + this.e + 1, rm);
      };
      P.sqrt = function() {
        var r, c, t, x = this, Big2 = x.constructor, s = x.s, e = x.e, half = new Big2("0.5");
        if (!x.c[0]) return new Big2(x);
        if (s < 0) {
          throw Error(NAME + "No square root");
        }
        s = Math.sqrt(+stringify(x, true, true));
        if (s === 0 || s === 1 / 0) {
          c = x.c.join("");
          if (!(c.length + e & 1)) c += "0";
          s = Math.sqrt(c);
          e = ((e + 1) / 2 | 0) - (e < 0 || e & 1);
          r = new Big2((s == 1 / 0 ? "5e" : (s = s.toExponential()).slice(0, s.indexOf("e") + 1)) + e);
        } else {
          r = new Big2(s + "");
        }
        e = r.e + (Big2.DP += 4);
        do {
          t = r;
          r = half.times(t.plus(x.div(t)));
        } while (t.c.slice(0, e).join("") !== r.c.slice(0, e).join(""));
        return round(r, (Big2.DP -= 4) + r.e + 1, Big2.RM);
      };
      P.times = P.mul = function(y) {
        var c, x = this, Big2 = x.constructor, xc = x.c, yc = (y = new Big2(y)).c, a = xc.length, b = yc.length, i = x.e, j = y.e;
        y.s = x.s == y.s ? 1 : -1;
        if (!xc[0] || !yc[0]) {
          y.c = [y.e = 0];
          return y;
        }
        y.e = i + j;
        if (a < b) {
          c = xc;
          xc = yc;
          yc = c;
          j = a;
          a = b;
          b = j;
        }
        for (c = new Array(j = a + b); j--; ) c[j] = 0;
        for (i = b; i--; ) {
          b = 0;
          for (j = a + i; j > i; ) {
            b = c[j] + yc[i] * xc[j - i - 1] + b;
            c[j--] = b % 10;
            b = b / 10 | 0;
          }
          c[j] = b;
        }
        if (b) ++y.e;
        else c.shift();
        for (i = c.length; !c[--i]; ) c.pop();
        y.c = c;
        return y;
      };
      P.toExponential = function(dp, rm) {
        var x = this, n = x.c[0];
        if (dp !== UNDEFINED) {
          if (dp !== ~~dp || dp < 0 || dp > MAX_DP) {
            throw Error(INVALID_DP);
          }
          x = round(new x.constructor(x), ++dp, rm);
          for (; x.c.length < dp; ) x.c.push(0);
        }
        return stringify(x, true, !!n);
      };
      P.toFixed = function(dp, rm) {
        var x = this, n = x.c[0];
        if (dp !== UNDEFINED) {
          if (dp !== ~~dp || dp < 0 || dp > MAX_DP) {
            throw Error(INVALID_DP);
          }
          x = round(new x.constructor(x), dp + x.e + 1, rm);
          for (dp = dp + x.e + 1; x.c.length < dp; ) x.c.push(0);
        }
        return stringify(x, false, !!n);
      };
      P.toJSON = P.toString = function() {
        var x = this, Big2 = x.constructor;
        return stringify(x, x.e <= Big2.NE || x.e >= Big2.PE, !!x.c[0]);
      };
      P.toNumber = function() {
        var n = +stringify(this, true, true);
        if (this.constructor.strict === true && !this.eq(n.toString())) {
          throw Error(NAME + "Imprecise conversion");
        }
        return n;
      };
      P.toPrecision = function(sd, rm) {
        var x = this, Big2 = x.constructor, n = x.c[0];
        if (sd !== UNDEFINED) {
          if (sd !== ~~sd || sd < 1 || sd > MAX_DP) {
            throw Error(INVALID + "precision");
          }
          x = round(new Big2(x), sd, rm);
          for (; x.c.length < sd; ) x.c.push(0);
        }
        return stringify(x, sd <= x.e || x.e <= Big2.NE || x.e >= Big2.PE, !!n);
      };
      P.valueOf = function() {
        var x = this, Big2 = x.constructor;
        if (Big2.strict === true) {
          throw Error(NAME + "valueOf disallowed");
        }
        return stringify(x, x.e <= Big2.NE || x.e >= Big2.PE, true);
      };
      Big = _Big_();
      Big["default"] = Big.Big = Big;
      if (typeof define === "function" && define.amd) {
        define(function() {
          return Big;
        });
      } else if (typeof module !== "undefined" && module.exports) {
        module.exports = Big;
      } else {
        GLOBAL.Big = Big;
      }
    })(exports);
  }
});

// node_modules/@google-cloud/bigquery/build/src/rowBatch.js
var require_rowBatch = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/rowBatch.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RowBatch = exports.BATCH_LIMITS = void 0;
    exports.BATCH_LIMITS = {
      maxBytes: 9 * 1024 * 1024,
      maxRows: 5e4
    };
    var RowBatch = class {
      batchOptions;
      rows;
      callbacks;
      created;
      bytes;
      constructor(options) {
        this.batchOptions = options;
        this.rows = [];
        this.callbacks = [];
        this.created = Date.now();
        this.bytes = 0;
      }
      /**
       * Adds a row to the current batch.
       *
       * @param {object} row The row to insert.
       * @param {InsertRowsCallback} callback The callback function.
       */
      add(row, callback) {
        this.rows.push(row);
        this.callbacks.push(callback);
        this.bytes += Buffer.byteLength(JSON.stringify(row));
      }
      /**
       * Indicates if a given row can fit in the batch.
       *
       * @param {object} row The row in question.
       * @returns {boolean}
       */
      canFit(row) {
        const { maxRows, maxBytes } = this.batchOptions;
        return this.rows.length < maxRows && this.bytes + Buffer.byteLength(JSON.stringify(row)) <= maxBytes;
      }
      /**
       * Checks to see if this batch is at the maximum allowed payload size.
       *
       * @returns {boolean}
       */
      isAtMax() {
        const { maxRows, maxBytes } = exports.BATCH_LIMITS;
        return this.rows.length >= maxRows || this.bytes >= maxBytes;
      }
      /**
       * Indicates if the batch is at capacity.
       *
       * @returns {boolean}
       */
      isFull() {
        const { maxRows, maxBytes } = this.batchOptions;
        return this.rows.length >= maxRows || this.bytes >= maxBytes;
      }
    };
    exports.RowBatch = RowBatch;
  }
});

// node_modules/@google-cloud/bigquery/build/src/rowQueue.js
var require_rowQueue = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/rowQueue.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RowQueue = exports.defaultOptions = void 0;
    var common = require_src6();
    var extend = require_extend();
    var crypto_1 = __require("crypto");
    var _1 = require_src10();
    var rowBatch_1 = require_rowBatch();
    exports.defaultOptions = {
      // The maximum number of rows we'll batch up for insert().
      maxOutstandingRows: 300,
      // The maximum size of the total batched up rows for insert().
      maxOutstandingBytes: 9 * 1024 * 1024,
      // The maximum time we'll wait to send batched rows, in milliseconds.
      maxDelayMillis: 1e4
    };
    var RowQueue = class {
      table;
      stream;
      insertRowsOptions = {};
      batch;
      batchOptions;
      inFlight;
      pending;
      constructor(table, dup, options) {
        this.table = table;
        this.stream = dup;
        this.inFlight = false;
        const opts = typeof options === "object" ? options : {};
        if (opts.insertRowsOptions) {
          this.insertRowsOptions = opts.insertRowsOptions;
        } else {
          this.insertRowsOptions = {};
        }
        if (opts.batchOptions) {
          this.setOptions(opts.batchOptions);
        } else {
          this.setOptions();
        }
        this.batch = new rowBatch_1.RowBatch(this.batchOptions);
      }
      /**
       * Adds a row to the queue.
       *
       * @param {RowMetadata} row The row to insert.
       * @param {InsertRowsCallback} callback The insert callback.
       */
      add(row, callback) {
        if (!this.insertRowsOptions.raw) {
          row = {
            json: _1.Table.encodeValue_(row)
          };
          if (this.insertRowsOptions.createInsertId !== false) {
            row.insertId = (0, crypto_1.randomUUID)();
          }
        }
        if (!this.batch.canFit(row)) {
          this.insert();
        }
        this.batch.add(row, callback);
        if (this.batch.isFull()) {
          this.insert();
        } else if (!this.pending) {
          const { maxMilliseconds } = this.batchOptions;
          this.pending = setTimeout(() => {
            this.insert();
          }, maxMilliseconds);
        }
      }
      /**
       * Cancels any pending inserts and calls _insert immediately.
       */
      insert(callback) {
        const { rows, callbacks } = this.batch;
        this.batch = new rowBatch_1.RowBatch(this.batchOptions);
        if (this.pending) {
          clearTimeout(this.pending);
          delete this.pending;
        }
        if (rows.length > 0) {
          this._insert(rows, callbacks, callback);
        }
      }
      /**
       * Accepts a batch of rows and inserts them into table.
       *
       * @param {object[]} rows The rows to insert.
       * @param {InsertCallback[]} callbacks The corresponding callback functions.
       * @param {function} [callback] Callback to be fired when insert is done.
       */
      _insert(rows, callbacks, cb) {
        const json = extend(true, {}, this.insertRowsOptions, { rows });
        delete json.createInsertId;
        delete json.partialRetries;
        delete json.raw;
        this.table.request({
          method: "POST",
          uri: "/insertAll",
          json
        }, (err, resp) => {
          const partialFailures = (resp?.insertErrors || []).map((insertError) => {
            return {
              errors: insertError.errors.map((error) => {
                return {
                  message: error.message,
                  reason: error.reason
                };
              }),
              // eslint-disable-next-line @typescript-eslint/no-explicit-any
              row: rows[insertError.index]
            };
          });
          if (partialFailures.length > 0) {
            err = new common.util.PartialFailureError({
              errors: partialFailures,
              response: resp
            });
            callbacks.forEach((callback) => callback(err, resp));
            this.stream.emit("error", err);
          } else {
            callbacks.forEach((callback) => callback(err, resp));
            this.stream.emit("response", resp);
            cb?.(err, resp);
          }
          cb?.(err, resp);
        });
      }
      /**
       * Sets the batching options.
       *
       *
       * @param {RowBatchOptions} [options] The batching options.
       */
      setOptions(options = {}) {
        const defaults = this.getOptionDefaults();
        const { maxBytes, maxRows, maxMilliseconds } = extend(true, defaults, options);
        this.batchOptions = {
          maxBytes: Math.min(maxBytes, rowBatch_1.BATCH_LIMITS.maxBytes),
          maxRows: Math.min(maxRows, rowBatch_1.BATCH_LIMITS.maxRows),
          maxMilliseconds
        };
      }
      getOptionDefaults() {
        const defaults = {
          maxBytes: exports.defaultOptions.maxOutstandingBytes,
          maxRows: exports.defaultOptions.maxOutstandingRows,
          maxMilliseconds: exports.defaultOptions.maxDelayMillis
        };
        return defaults;
      }
    };
    exports.RowQueue = RowQueue;
  }
});

// node_modules/@google-cloud/bigquery/build/src/table.js
var require_table = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/table.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Table = void 0;
    var common_1 = require_src6();
    var paginator_1 = require_src7();
    var promisify_1 = require_src8();
    var util_1 = require_util2();
    var Big = require_big();
    var extend = require_extend();
    var events_1 = __require("events");
    var fs = __require("fs");
    var path = __require("path");
    var streamEvents = require_stream_events();
    var crypto_1 = __require("crypto");
    var duplexify = require_duplexify();
    var _1 = require_src10();
    var stream_1 = __require("stream");
    var rowQueue_1 = require_rowQueue();
    var FORMATS = {
      avro: "AVRO",
      csv: "CSV",
      export_metadata: "DATASTORE_BACKUP",
      json: "NEWLINE_DELIMITED_JSON",
      orc: "ORC",
      parquet: "PARQUET"
    };
    var Table = class _Table extends common_1.ServiceObject {
      dataset;
      bigQuery;
      location;
      rowQueue;
      createReadStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      constructor(dataset, id, options) {
        const methods = {
          /**
           * @callback CreateTableCallback
           * @param {?Error} err Request error, if any.
           * @param {Table} table The table.
           * @param {object} apiResponse The full API response body.
           */
          /**
           * @typedef {array} CreateTableResponse
           * @property {Table} 0 The table.
           * @property {object} 1 The full API response body.
           */
          /**
           * Create a table.
           *
           * @method Table#create
           * @param {object} [options] See {@link Dataset#createTable}.
           * @param {CreateTableCallback} [callback]
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {Table} callback.table The new {@link Table}.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<CreateTableResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           *
           * const table = dataset.table('my-table');
           *
           * table.create((err, table, apiResponse) => {
           *   if (!err) {
           *     // The table was created successfully.
           *   }
           * });
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * table.create().then((data) => {
           *   const table = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          create: true,
          /**
           * @callback DeleteTableCallback
           * @param {?Error} err Request error, if any.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} DeleteTableResponse
           * @property {object} 0 The full API response.
           */
          /**
           * Delete a table and all its data.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/v2/tables/delete| Tables: delete API Documentation}
           *
           * @method Table#delete
           * @param {DeleteTableCallback} [callback]
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<DeleteTableResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           *
           * const table = dataset.table('my-table');
           *
           * table.delete((err, apiResponse) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * table.delete().then((data) => {
           *   const apiResponse = data[0];
           * });
           * ```
           */
          delete: true,
          /**
           * @callback TableExistsCallback
           * @param {?Error} err Request error, if any.
           * @param {boolean} exists Indicates if the table exists.
           */
          /**
           * @typedef {array} TableExistsCallback
           * @property {boolean} 0 Indicates if the table exists.
           */
          /**
           * Check if the table exists.
           *
           * @method Table#exists
           * @param {TableExistsCallback} [callback]
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {boolean} callback.exists Whether the table exists or not.
           * @returns {Promise<TableExistsCallback>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           *
           * const table = dataset.table('my-table');
           *
           * table.exists((err, exists) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * table.exists().then((data) => {
           *   const exists = data[0];
           * });
           * ```
           */
          exists: true,
          /**
           * @callback GetTableCallback
           * @param {?Error} err Request error, if any.
           * @param {Table} table The table.
           * @param {object} apiResponse The full API response body.
           */
          /**
           * @typedef {array} GetTableResponse
           * @property {Table} 0 The table.
           * @property {object} 1 The full API response body.
           */
          /**
           * Get a table if it exists.
           *
           * You may optionally use this to "get or create" an object by providing
           * an object with `autoCreate` set to `true`. Any extra configuration that
           * is normally required for the `create` method must be contained within
           * this object as well.
           *
           * If you wish to get a selection of metadata instead of the full table metadata
           * (retrieved by both Table#get by default and by Table#getMetadata), use
           * the `options` parameter to set the `view` and/or `selectedFields` query parameters.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/tables/get#TableMetadataView| Tables.get and TableMetadataView }
           *
           * @method Table#get
           * @param {options} [options] Configuration object.
           * @param {boolean} [options.autoCreate=false] Automatically create the
           *     object if it does not exist.
           * @param {function} [callback]
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {Table} callback.table The {@link Table}.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetTableResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           *
           * const table = dataset.table('my-table');
           *
           * const options = {
           *   view: "BASIC"
           * }
           *
           * table.get((err, table, apiResponse) => {
           *   // `table.metadata` has been populated.
           * });
           *
           * table.get(options, (err, table, apiResponse) => {
           *   // A selection of `table.metadata` has been populated
           * })
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * table.get().then((data) => {
           *   const table = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          get: true,
          /**
           * @callback GetTableMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The table metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} GetTableMetadataResponse
           * @property {object} 0 The table metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * Return the metadata associated with the Table.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/v2/tables/get| Tables: get API Documentation}
           *
           * @method Table#getMetadata
           * @param {GetTableMetadataCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.metadata The metadata of the Table.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetTableMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           *
           * const table = dataset.table('my-table');
           *
           * table.getMetadata((err, metadata, apiResponse) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * table.getMetadata().then((data) => {
           *   const metadata = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          getMetadata: true
        };
        super({
          parent: dataset,
          baseUrl: "/tables",
          id,
          createMethod: dataset.createTable.bind(dataset),
          methods
        });
        if (options && options.location) {
          this.location = options.location;
        }
        this.bigQuery = dataset.bigQuery;
        this.dataset = dataset;
        this.interceptors.push({
          request: (reqOpts) => {
            if (reqOpts.method === "PATCH" && reqOpts.json.etag) {
              reqOpts.headers = reqOpts.headers || {};
              reqOpts.headers["If-Match"] = reqOpts.json.etag;
            }
            return reqOpts;
          }
        });
        this.createReadStream = paginator_1.paginator.streamify("getRows");
      }
      /**
       * Convert a comma-separated name:type string to a table schema object.
       *
       * @static
       * @private
       *
       * @param {string} str Comma-separated schema string.
       * @returns {object} Table schema in the format the API expects.
       */
      static createSchemaFromString_(str) {
        return str.split(",").reduce((acc, pair) => {
          acc.fields.push({
            name: pair.split(":")[0].trim(),
            type: (pair.split(":")[1] || "STRING").toUpperCase().trim()
          });
          return acc;
        }, {
          fields: []
        });
      }
      /**
       * Convert a row entry from native types to their encoded types that the API
       * expects.
       *
       * @static
       * @private
       *
       * @param {*} value The value to be converted.
       * @returns {*} The converted value.
       */
      static encodeValue_(value) {
        if (typeof value === "undefined" || value === null) {
          return null;
        }
        if (value instanceof Buffer) {
          return value.toString("base64");
        }
        if (value instanceof Big) {
          return value.toFixed();
        }
        const customTypeConstructorNames = [
          "BigQueryDate",
          "BigQueryDatetime",
          "BigQueryInt",
          "BigQueryTime",
          "BigQueryTimestamp",
          "BigQueryRange",
          "Geography"
        ];
        const constructorName = value.constructor?.name;
        const isCustomType = customTypeConstructorNames.indexOf(constructorName) > -1;
        if (isCustomType) {
          return value.value;
        }
        if ((0, util_1.isDate)(value)) {
          return value.toJSON();
        }
        if ((0, util_1.isArray)(value)) {
          return value.map(_Table.encodeValue_);
        }
        if (typeof value === "object") {
          return Object.keys(value).reduce((acc, key) => {
            acc[key] = _Table.encodeValue_(value[key]);
            return acc;
          }, {});
        }
        return value;
      }
      /**
       * @private
       */
      static formatMetadata_(options) {
        const body = extend(true, {}, options);
        if (options.name) {
          body.friendlyName = options.name;
          delete body.name;
        }
        if ((0, util_1.isString)(options.schema)) {
          body.schema = _Table.createSchemaFromString_(options.schema);
        }
        if ((0, util_1.isArray)(options.schema)) {
          body.schema = {
            fields: options.schema
          };
        }
        if (body.schema && body.schema.fields) {
          body.schema.fields = body.schema.fields.map((field) => {
            if (field.fields) {
              field.type = "RECORD";
            }
            return field;
          });
        }
        if ((0, util_1.isString)(options.partitioning)) {
          body.timePartitioning = {
            type: options.partitioning.toUpperCase()
          };
          delete body.partitioning;
        }
        if ((0, util_1.isString)(options.view)) {
          body.view = {
            query: options.view,
            useLegacySql: false
          };
        }
        return body;
      }
      copy(destination, metadataOrCallback, cb) {
        const metadata = typeof metadataOrCallback === "object" ? metadataOrCallback : {};
        const callback = typeof metadataOrCallback === "function" ? metadataOrCallback : cb;
        this.createCopyJob(destination, metadata, (err, job, resp) => {
          if (err) {
            callback(err, resp);
            return;
          }
          job.on("error", callback).on("complete", (metadata2) => {
            callback(null, metadata2);
          });
        });
      }
      copyFrom(sourceTables, metadataOrCallback, cb) {
        const metadata = typeof metadataOrCallback === "object" ? metadataOrCallback : {};
        const callback = typeof metadataOrCallback === "function" ? metadataOrCallback : cb;
        this.createCopyFromJob(sourceTables, metadata, (err, job, resp) => {
          if (err) {
            callback(err, resp);
            return;
          }
          job.on("error", callback).on("complete", (metadata2) => {
            callback(null, metadata2);
          });
        });
      }
      createCopyJob(destination, metadataOrCallback, cb) {
        if (!(destination instanceof _Table)) {
          throw new Error("Destination must be a Table object.");
        }
        const metadata = typeof metadataOrCallback === "object" ? metadataOrCallback : {};
        const callback = typeof metadataOrCallback === "function" ? metadataOrCallback : cb;
        const body = {
          configuration: {
            copy: extend(true, metadata, {
              destinationTable: {
                datasetId: destination.dataset.id,
                projectId: destination.dataset.projectId,
                tableId: destination.id
              },
              sourceTable: {
                datasetId: this.dataset.id,
                projectId: this.dataset.projectId,
                tableId: this.id
              }
            })
          }
        };
        if (metadata.jobPrefix) {
          body.jobPrefix = metadata.jobPrefix;
          delete metadata.jobPrefix;
        }
        if (this.location) {
          body.location = this.location;
        }
        if (metadata.jobId) {
          body.jobId = metadata.jobId;
          delete metadata.jobId;
        }
        if (body.configuration && metadata.reservation) {
          body.configuration.reservation = metadata.reservation;
          delete metadata.reservation;
        }
        this.bigQuery.createJob(body, callback);
      }
      createCopyFromJob(source, metadataOrCallback, cb) {
        const sourceTables = (0, util_1.toArray)(source);
        sourceTables.forEach((sourceTable) => {
          if (!(sourceTable instanceof _Table)) {
            throw new Error("Source must be a Table object.");
          }
        });
        const metadata = typeof metadataOrCallback === "object" ? metadataOrCallback : {};
        const callback = typeof metadataOrCallback === "function" ? metadataOrCallback : cb;
        const body = {
          configuration: {
            copy: extend(true, metadata, {
              destinationTable: {
                datasetId: this.dataset.id,
                projectId: this.dataset.projectId,
                tableId: this.id
              },
              sourceTables: sourceTables.map((sourceTable) => {
                return {
                  datasetId: sourceTable.dataset.id,
                  projectId: sourceTable.dataset.projectId,
                  tableId: sourceTable.id
                };
              })
            })
          }
        };
        if (metadata.jobPrefix) {
          body.jobPrefix = metadata.jobPrefix;
          delete metadata.jobPrefix;
        }
        if (this.location) {
          body.location = this.location;
        }
        if (metadata.jobId) {
          body.jobId = metadata.jobId;
          delete metadata.jobId;
        }
        if (body.configuration && metadata.reservation) {
          body.configuration.reservation = metadata.reservation;
          delete metadata.reservation;
        }
        this.bigQuery.createJob(body, callback);
      }
      createExtractJob(destination, optionsOrCallback, cb) {
        let options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        options = extend(true, options, {
          destinationUris: (0, util_1.toArray)(destination).map((dest) => {
            if (!common_1.util.isCustomType(dest, "storage/file")) {
              throw new Error("Destination must be a File object.");
            }
            const format = path.extname(dest.name).substr(1).toLowerCase();
            if (!options.destinationFormat && !options.format && FORMATS[format]) {
              options.destinationFormat = FORMATS[format];
            }
            return "gs://" + dest.bucket.name + "/" + dest.name;
          })
        });
        if (options.format) {
          options.format = options.format.toLowerCase();
          if (FORMATS[options.format]) {
            options.destinationFormat = FORMATS[options.format];
            delete options.format;
          } else {
            throw new Error("Destination format not recognized: " + options.format);
          }
        }
        if (options.gzip) {
          options.compression = "GZIP";
          delete options.gzip;
        }
        const body = {
          configuration: {
            extract: extend(true, options, {
              sourceTable: {
                datasetId: this.dataset.id,
                projectId: this.dataset.projectId,
                tableId: this.id
              }
            })
          }
        };
        if (options.jobPrefix) {
          body.jobPrefix = options.jobPrefix;
          delete options.jobPrefix;
        }
        if (this.location) {
          body.location = this.location;
        }
        if (options.jobId) {
          body.jobId = options.jobId;
          delete options.jobId;
        }
        if (body.configuration && options.reservation) {
          body.configuration.reservation = options.reservation;
          delete options.reservation;
        }
        this.bigQuery.createJob(body, callback);
      }
      createLoadJob(source, metadataOrCallback, cb) {
        const metadata = typeof metadataOrCallback === "object" ? metadataOrCallback : {};
        const callback = typeof metadataOrCallback === "function" ? metadataOrCallback : cb;
        this._createLoadJob(source, metadata).then(([resp]) => callback(null, resp, resp.metadata), (err) => callback(err));
      }
      /**
       * @param {string | File | File[]} source
       * @param {JobLoadMetadata} metadata
       * @returns {Promise<JobResponse>}
       * @private
       */
      async _createLoadJob(source, metadata) {
        if (metadata.format) {
          metadata.sourceFormat = FORMATS[metadata.format.toLowerCase()];
          delete metadata.format;
        }
        if (this.location) {
          metadata.location = this.location;
        }
        if (typeof source === "string") {
          const detectedFormat = FORMATS[path.extname(source).substr(1).toLowerCase()];
          if (!metadata.sourceFormat && detectedFormat) {
            metadata.sourceFormat = detectedFormat;
          }
          const jobWritable = fs.createReadStream(source).pipe(this.createWriteStream_(metadata));
          const [jobResponse] = await (0, events_1.once)(jobWritable, "job");
          return [jobResponse, jobResponse.metadata];
        }
        const body = {
          configuration: {
            load: {
              destinationTable: {
                projectId: this.dataset.projectId,
                datasetId: this.dataset.id,
                tableId: this.id
              }
            }
          }
        };
        if (metadata.jobPrefix) {
          body.jobPrefix = metadata.jobPrefix;
          delete metadata.jobPrefix;
        }
        if (metadata.location) {
          body.location = metadata.location;
          delete metadata.location;
        }
        if (metadata.jobId) {
          body.jobId = metadata.jobId;
          delete metadata.jobId;
        }
        if (body.configuration && metadata.reservation) {
          body.configuration.reservation = metadata.reservation;
          delete metadata.reservation;
        }
        extend(true, body.configuration?.load, metadata, {
          sourceUris: (0, util_1.toArray)(source).map((src) => {
            if (!common_1.util.isCustomType(src, "storage/file")) {
              throw new Error("Source must be a File object.");
            }
            const format = FORMATS[path.extname(src.name).substr(1).toLowerCase()];
            if (!metadata.sourceFormat && format && body.configuration && body.configuration.load) {
              body.configuration.load.sourceFormat = format;
            }
            return "gs://" + src.bucket.name + "/" + src.name;
          })
        });
        return this.bigQuery.createJob(body);
      }
      createQueryJob(options, callback) {
        return this.dataset.createQueryJob(options, callback);
      }
      /**
       * Run a query scoped to your dataset as a readable object stream.
       *
       * See {@link BigQuery#createQueryStream} for full documentation of this
       * method.
       *
       * @param {object} query See {@link BigQuery#createQueryStream} for full
       *     documentation of this method.
       * @returns {stream} See {@link BigQuery#createQueryStream} for full
       *     documentation of this method.
       */
      createQueryStream(query) {
        return this.dataset.createQueryStream(query);
      }
      /**
       * Creates a write stream. Unlike the public version, this will not
       * automatically poll the underlying job.
       *
       * @private
       *
       * @param {string|object} [metadata] Metadata to set with the load operation.
       *     The metadata object should be in the format of the
       *     {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationLoad| `configuration.load`}
       * property of a Jobs resource. If a string is given, it will be used
       * as the filetype.
       * @param {string} [metadata.jobId] Custom job id.
       * @param {string} [metadata.jobPrefix] Prefix to apply to the job id.
       * @returns {WritableStream}
       */
      createWriteStream_(metadata) {
        metadata = metadata || {};
        if (typeof metadata === "string") {
          metadata = {
            sourceFormat: FORMATS[metadata.toLowerCase()]
          };
        }
        if (typeof metadata.schema === "string") {
          metadata.schema = _Table.createSchemaFromString_(metadata.schema);
        }
        metadata = extend(true, {
          destinationTable: {
            projectId: this.dataset.projectId,
            datasetId: this.dataset.id,
            tableId: this.id
          }
        }, metadata);
        let jobId = metadata.jobId || (0, crypto_1.randomUUID)();
        if (metadata.jobId) {
          delete metadata.jobId;
        }
        if (metadata.jobPrefix) {
          jobId = metadata.jobPrefix + jobId;
          delete metadata.jobPrefix;
        }
        const dup = streamEvents(duplexify());
        const jobMetadata = {
          configuration: {
            load: metadata
          },
          jobReference: {
            jobId,
            projectId: this.dataset.projectId,
            location: this.location
          }
        };
        dup.once("writing", () => {
          common_1.util.makeWritableStream(dup, {
            makeAuthenticatedRequest: this.bigQuery.makeAuthenticatedRequest,
            metadata: jobMetadata,
            request: {
              uri: `${this.bigQuery.apiEndpoint}/upload/bigquery/v2/projects/${this.dataset.projectId}/jobs`
            }
          }, (data) => {
            let job = null;
            const jobRef = data.jobReference;
            if (jobRef && jobRef.jobId) {
              job = this.bigQuery.job(jobRef.jobId, {
                location: jobRef.location,
                projectId: jobRef.projectId
              });
              job.metadata = data;
            }
            dup.emit("job", job);
          });
        });
        return dup;
      }
      /**
       * Load data into your table from a readable stream of AVRO, CSV, JSON, ORC,
       * or PARQUET data.
       *
       * See {@link https://cloud.google.com/bigquery/docs/reference/v2/jobs/insert| Jobs: insert API Documentation}
       *
       * @param {string|object} [metadata] Metadata to set with the load operation.
       *     The metadata object should be in the format of the
       *     {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationLoad| `configuration.load`}
       * property of a Jobs resource. If a string is given,
       * it will be used as the filetype.
       * @param {string} [metadata.jobId] Custom job id.
       * @param {string} [metadata.jobPrefix] Prefix to apply to the job id.
       * @returns {WritableStream}
       *
       * @throws {Error} If source format isn't recognized.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const dataset = bigquery.dataset('my-dataset');
       * const table = dataset.table('my-table');
       *
       * //-
       * // Load data from a CSV file.
       * //-
       * const request = require('request');
       *
       * const csvUrl = 'http://goo.gl/kSE7z6';
       *
       * const metadata = {
       *   allowJaggedRows: true,
       *   skipLeadingRows: 1
       * };
       *
       * request.get(csvUrl)
       *   .pipe(table.createWriteStream(metadata))
       *   .on('job', (job) => {
       *     // `job` is a Job object that can be used to check the status of the
       *     // request.
       *   })
       *   .on('complete', (job) => {
       *     // The job has completed successfully.
       *   });
       *
       * //-
       * // Load data from a JSON file.
       * //-
       * const fs = require('fs');
       *
       * fs.createReadStream('./test/testdata/testfile.json')
       *   .pipe(table.createWriteStream('json'))
       *   .on('job', (job) => {
       *     // `job` is a Job object that can be used to check the status of the
       *     // request.
       *   })
       *   .on('complete', (job) => {
       *     // The job has completed successfully.
       *   });
       * ```
       */
      createWriteStream(metadata) {
        const stream = this.createWriteStream_(metadata);
        stream.on("prefinish", () => {
          stream.cork();
        });
        stream.on("job", (job) => {
          job.on("error", (err) => {
            stream.destroy(err);
          }).on("complete", () => {
            stream.emit("complete", job);
            stream.uncork();
          });
        });
        return stream;
      }
      extract(destination, optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        this.createExtractJob(destination, options, (err, job, resp) => {
          if (err) {
            callback(err, resp);
            return;
          }
          job.on("error", callback).on("complete", (metadata) => {
            callback(null, metadata);
          });
        });
      }
      /**
       * Retrieves table data from a specified set of rows. The rows are returned to
       * your callback as an array of objects matching your table's schema.
       *
       * See {@link https://cloud.google.com/bigquery/docs/reference/v2/tabledata/list| Tabledata: list API Documentation}
       *
       * @param {object} [options] The configuration object.
       * @param {boolean} [options.autoPaginate=true] Have pagination handled
       *     automatically.
       * @param {number} [options.maxApiCalls] Maximum number of API calls to make.
       * @param {number} [options.maxResults] Maximum number of results to return.
       * @param {boolean|IntegerTypeCastOptions} [options.wrapIntegers=false] Wrap values
       *     of 'INT64' type in {@link BigQueryInt} objects.
       *     If a `boolean`, this will wrap values in {@link BigQueryInt} objects.
       *     If an `object`, this will return a value returned by
       *     `wrapIntegers.integerTypeCastFunction`.
       * @param {RowsCallback} [callback] The callback function. If `autoPaginate`
       *     is set to false a {@link ManualQueryResultsCallback} should be used.
       * @param {?error} callback.err An error returned while making this request
       * @param {array} callback.rows The table data from specified set of rows.
       * @returns {Promise<RowsResponse>}
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const dataset = bigquery.dataset('my-dataset');
       * const table = dataset.table('my-table');
       *
       * table.getRows((err, rows) => {
       *   if (!err) {
       *     // rows is an array of results.
       *   }
       * });
       *
       * //-
       * // To control how many API requests are made and page through the results
       * // manually, set `autoPaginate` to `false`.
       * //-
       * function manualPaginationCallback(err, rows, nextQuery, apiResponse) {
       *   if (nextQuery) {
       *     // More results exist.
       *     table.getRows(nextQuery, manualPaginationCallback);
       *   }
       * }
       *
       * table.getRows({
       *   autoPaginate: false
       * }, manualPaginationCallback);
       *
       * //-
       * // If the callback is omitted, we'll return a Promise.
       * //-
       * table.getRows().then((data) => {
       *   const rows = data[0];
       *   });
       * ```
       */
      getRows(optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        const wrapIntegers = options.wrapIntegers ? options.wrapIntegers : false;
        delete options.wrapIntegers;
        const parseJSON = options.parseJSON ? options.parseJSON : false;
        delete options.parseJSON;
        const selectedFields = options.selectedFields ? options.selectedFields.split(",") : [];
        const onComplete = (err, rows, nextQuery, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          try {
            if (options.skipParsing) {
              rows = rows || [];
            } else {
              rows = _1.BigQuery.mergeSchemaWithRows_(this.metadata.schema, rows || [], {
                wrapIntegers,
                selectedFields,
                parseJSON,
                listParams: qs
              });
            }
          } catch (err2) {
            callback(err2, null, null, resp);
            return;
          }
          callback(null, rows, nextQuery, resp);
        };
        const hasAnyFormatOpts = options["formatOptions.timestampOutputFormat"] !== void 0 || options["formatOptions.useInt64Timestamp"] !== void 0;
        let defaultOpts = hasAnyFormatOpts ? {} : {
          "formatOptions.useInt64Timestamp": true
        };
        if (process.env.BIGQUERY_PICOSECOND_SUPPORT === "true") {
          defaultOpts = hasAnyFormatOpts ? {} : {
            "formatOptions.timestampOutputFormat": "ISO8601_STRING"
          };
        }
        const qs = extend(defaultOpts, options);
        this.request({
          uri: "/data",
          qs
        }, (err, resp) => {
          if (err) {
            onComplete(err, null, null, resp);
            return;
          }
          let nextQuery = null;
          if (resp.pageToken) {
            nextQuery = Object.assign({}, qs, {
              pageToken: resp.pageToken
            });
          }
          if (resp.rows && resp.rows.length > 0 && !this.metadata.schema) {
            void this.getMetadata((err2, metadata, apiResponse) => {
              if (err2) {
                onComplete(err2, null, null, apiResponse);
                return;
              }
              onComplete(null, resp.rows, nextQuery, resp);
            });
            return;
          }
          onComplete(null, resp.rows, nextQuery, resp);
        });
      }
      insert(rows, optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        const promise = this._insertAndCreateTable(rows, options);
        if (callback) {
          promise.then((resp) => callback(null, resp), (err) => callback(err, null));
        } else {
          return promise.then((r) => [r]);
        }
      }
      /**
       * Insert rows with retries, but will create the table if not exists.
       *
       * @param {RowMetadata | RowMetadata[]} rows
       * @param {InsertRowsOptions} options
       * @returns {Promise<bigquery.ITableDataInsertAllResponse | bigquery.ITable>}
       * @private
       */
      async _insertAndCreateTable(rows, options) {
        const { schema } = options;
        const delay = 6e4;
        try {
          return await this._insertWithRetry(rows, options);
        } catch (err) {
          if (err.code !== 404 || !schema) {
            throw err;
          }
        }
        try {
          await this.create({ schema });
        } catch (err) {
          if (err.code !== 409) {
            throw err;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        return this._insertAndCreateTable(rows, options);
      }
      /**
       * This method will attempt to insert rows while retrying any partial failures
       * that occur along the way. Because partial insert failures are returned
       * differently, we can't depend on our usual retry strategy.
       *
       * @private
       *
       * @param {RowMetadata|RowMetadata[]} rows The rows to insert.
       * @param {InsertRowsOptions} options Insert options.
       * @returns {Promise<bigquery.ITableDataInsertAllResponse>}
       */
      async _insertWithRetry(rows, options) {
        const { partialRetries = 3 } = options;
        let error;
        const maxAttempts = Math.max(partialRetries, 0) + 1;
        for (let attempts = 0; attempts < maxAttempts; attempts++) {
          try {
            return await this._insert(rows, options);
          } catch (e) {
            error = e;
            rows = (e.errors || []).filter((err) => !!err.row).map((err) => err.row);
            if (!rows.length) {
              break;
            }
          }
        }
        throw error;
      }
      /**
       * This method does the bulk of the work for processing options and making the
       * network request.
       *
       * @private
       *
       * @param {RowMetadata|RowMetadata[]} rows The rows to insert.
       * @param {InsertRowsOptions} options Insert options.
       * @returns {Promise<bigquery.ITableDataInsertAllResponse>}
       */
      async _insert(rows, options) {
        rows = (0, util_1.toArray)(rows);
        if (!rows.length) {
          throw new Error("You must provide at least 1 row to be inserted.");
        }
        const json = extend(true, {}, options, { rows });
        if (!options.raw) {
          json.rows = rows.map((row) => {
            const encoded = {
              json: _Table.encodeValue_(row)
            };
            if (options.createInsertId !== false) {
              encoded.insertId = (0, crypto_1.randomUUID)();
            }
            return encoded;
          });
        }
        delete json.createInsertId;
        delete json.partialRetries;
        delete json.raw;
        delete json.schema;
        const [resp] = await this.request({
          method: "POST",
          uri: "/insertAll",
          json
        });
        const partialFailures = (resp.insertErrors || []).map((insertError) => {
          return {
            errors: insertError.errors.map((error) => {
              return {
                message: error.message,
                reason: error.reason
              };
            }),
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            row: rows[insertError.index]
          };
        });
        if (partialFailures.length > 0) {
          throw new common_1.util.PartialFailureError({
            errors: partialFailures,
            response: resp
          });
        }
        return resp;
      }
      createInsertStream(options) {
        options = typeof options === "object" ? options : {};
        const dup = new stream_1.Duplex({ objectMode: true });
        dup._write = (chunk, encoding, cb) => {
          this.rowQueue.add(chunk, () => {
          });
          cb();
        };
        this.rowQueue = new rowQueue_1.RowQueue(this, dup, options);
        return dup;
      }
      load(source, metadataOrCallback, cb) {
        const metadata = typeof metadataOrCallback === "object" ? metadataOrCallback : {};
        const callback = typeof metadataOrCallback === "function" ? metadataOrCallback : cb;
        this.createLoadJob(source, metadata, (err, job, resp) => {
          if (err) {
            callback(err, resp);
            return;
          }
          job.on("error", callback).on("complete", (metadata2) => {
            callback(null, metadata2);
          });
        });
      }
      query(query, callback) {
        if (typeof query === "string") {
          query = {
            query
          };
        }
        this.dataset.query(query, callback);
      }
      setMetadata(metadata, callback) {
        const body = _Table.formatMetadata_(metadata);
        void super.setMetadata(body, callback);
      }
      getIamPolicy(optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        if (typeof options.requestedPolicyVersion === "number" && options.requestedPolicyVersion !== 1) {
          throw new Error("Only IAM policy version 1 is supported.");
        }
        const json = extend(true, {}, { options });
        this.request({
          method: "POST",
          uri: "/:getIamPolicy",
          json
        }, (err, resp) => {
          if (err) {
            callback(err, null);
            return;
          }
          callback(null, resp);
        });
      }
      setIamPolicy(policy, optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        if (policy.version && policy.version !== 1) {
          throw new Error("Only IAM policy version 1 is supported.");
        }
        const json = extend(true, {}, options, { policy });
        this.request({
          method: "POST",
          uri: "/:setIamPolicy",
          json
        }, (err, resp) => {
          if (err) {
            callback(err, null);
            return;
          }
          callback(null, resp);
        });
      }
      testIamPermissions(permissions, callback) {
        permissions = (0, util_1.toArray)(permissions);
        const json = extend(true, {}, { permissions });
        this.request({
          method: "POST",
          uri: "/:testIamPermissions",
          json
        }, (err, resp) => {
          if (err) {
            callback(err, null);
            return;
          }
          callback(null, resp);
        });
      }
    };
    exports.Table = Table;
    paginator_1.paginator.extend(Table, ["getRows"]);
    (0, promisify_1.promisifyAll)(Table);
  }
});

// node_modules/@google-cloud/bigquery/build/src/model.js
var require_model = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/model.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Model = void 0;
    var common_1 = require_src6();
    var promisify_1 = require_src8();
    var util_1 = require_util2();
    var extend = require_extend();
    var FORMATS = ["ML_TF_SAVED_MODEL", "ML_XGBOOST_BOOSTER"];
    var Model = class extends common_1.ServiceObject {
      dataset;
      bigQuery;
      constructor(dataset, id) {
        const methods = {
          /**
           * @callback DeleteModelCallback
           * @param {?Error} err Request error, if any.
           * @param {object} apiResponse The full API response.
           */
          /**
           * Delete the model.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/models/delete| Models: delete API Documentation}
           *
           * @method Model#delete
           * @param {DeleteModelCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const model = dataset.model('my-model');
           *
           * model.delete((err, apiResponse) => {});
           *
           * ```
           * @example If the callback is omitted we'll return a Promise.
           * ```
           * const [apiResponse] = await model.delete();
           * ```
           * @example If successful, the response body is empty.
           * ```
           * ```
           */
          delete: true,
          /**
           * @callback ModelExistsCallback
           * @param {?Error} err Request error, if any.
           * @param {boolean} exists Indicates if the model exists.
           */
          /**
           * @typedef {array} ModelExistsResponse
           * @property {boolean} 0 Indicates if the model exists.
           */
          /**
           * Check if the model exists.
           *
           * @method Model#exists
           * @param {ModelExistsCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {boolean} callback.exists Whether the model exists or not.
           * @returns {Promise<ModelExistsResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const model = dataset.model('my-model');
           *
           * model.exists((err, exists) => {});
           *
           * ```
           * @example If the callback is omitted we'll return a Promise.
           * ```
           * const [exists] = await model.exists();
           * ```
           */
          exists: true,
          /**
           * @callback GetModelCallback
           * @param {?Error} err Request error, if any.
           * @param {Model} model The model.
           * @param {object} apiResponse The full API response body.
           */
          /**
           * @typedef {array} GetModelResponse
           * @property {Model} 0 The model.
           * @property {object} 1 The full API response body.
           */
          /**
           * Get a model if it exists.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/models/get| Models: get API Documentation}
           *
           * @method Model#get:
           * @param {GetModelCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {Model} callback.model The {@link Model}.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetModelResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const model = dataset.model('my-model');
           *
           * model.get(err => {
           *   if (!err) {
           *     // `model.metadata` has been populated.
           *   }
           * });
           *
           * ```
           * @example If the callback is omitted we'll return a Promise.
           * ```
           * await model.get();
           * ```
           */
          get: true,
          /**
           * @callback GetModelMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The model metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} GetModelMetadataResponse
           * @property {object} 0 The model metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * Return the metadata associated with the model.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/models/get| Models: get API Documentation}
           *
           * @method Model#getMetadata
           * @param {GetModelMetadataCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.metadata The metadata of the model.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetModelMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const model = dataset.model('my-model');
           *
           * model.getMetadata((err, metadata, apiResponse) => {});
           *
           * ```
           * @example If the callback is omitted we'll return a Promise.
           * ```
           * const [metadata, apiResponse] = await model.getMetadata();
           * ```
           */
          getMetadata: true,
          /**
           * @callback SetModelMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The model metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} SetModelMetadataResponse
           * @property {object} 0 The model metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/models/patch| Models: patch API Documentation}
           *
           * @method Model#setMetadata
           * @param {object} metadata The metadata key/value object to set.
           * @param {SetModelMetadataCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.metadata The updated metadata of the model.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<SetModelMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const model = dataset.model('my-model');
           *
           * const metadata = {
           *   friendlyName: 'TheBestModelEver'
           * };
           *
           * model.setMetadata(metadata, (err, metadata, apiResponse) => {});
           *
           * ```
           * @example If the callback is omitted we'll return a Promise.
           * ```
           * const [metadata, apiResponse] = await model.setMetadata(metadata);
           * ```
           */
          setMetadata: true
        };
        super({
          parent: dataset,
          baseUrl: "/models",
          id,
          methods
        });
        this.dataset = dataset;
        this.bigQuery = dataset.bigQuery;
      }
      createExtractJob(destination, optionsOrCallback, cb) {
        let options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        options = extend(true, options, {
          destinationUris: (0, util_1.toArray)(destination).map((dest) => {
            if (common_1.util.isCustomType(dest, "storage/file")) {
              return "gs://" + dest.bucket.name + "/" + dest.name;
            }
            if (typeof dest === "string") {
              return dest;
            }
            throw new Error("Destination must be a string or a File object.");
          })
        });
        if (options.format) {
          options.format = options.format.toUpperCase();
          if (FORMATS.includes(options.format)) {
            options.destinationFormat = options.format;
            delete options.format;
          } else {
            throw new Error("Destination format not recognized: " + options.format);
          }
        }
        const body = {
          configuration: {
            extract: extend(true, options, {
              sourceModel: {
                datasetId: this.dataset.id,
                projectId: this.dataset.projectId,
                modelId: this.id
              }
            })
          }
        };
        if (options.jobPrefix) {
          body.jobPrefix = options.jobPrefix;
          delete options.jobPrefix;
        }
        if (options.jobId) {
          body.jobId = options.jobId;
          delete options.jobId;
        }
        if (body.configuration && options.reservation) {
          body.configuration.reservation = options.reservation;
          delete options.reservation;
        }
        this.bigQuery.createJob(body, callback);
      }
      extract(destination, optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        this.createExtractJob(destination, options, (err, job, resp) => {
          if (err) {
            callback(err, resp);
            return;
          }
          job.on("error", callback).on("complete", (metadata) => {
            callback(null, metadata);
          });
        });
      }
    };
    exports.Model = Model;
    (0, promisify_1.promisifyAll)(Model);
  }
});

// node_modules/@google-cloud/bigquery/build/src/routine.js
var require_routine = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/routine.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Routine = void 0;
    var common_1 = require_src6();
    var promisify_1 = require_src8();
    var extend = require_extend();
    var Routine = class extends common_1.ServiceObject {
      constructor(dataset, id) {
        const methods = {
          /**
           * Create a routine.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines/insert| Routines: insert API Documentation}
           *
           * @method Routine#create
           * @param {object} config A [routine resource]{@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines#Routine}.
           * @param {CreateRoutineCallback} [callback] The callback function.
           * @returns {Promise<CreateRoutineResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const routine = dataset.routine('my_routine');
           *
           * const config = {
           *   arguments: [{
           *     name: 'x',
           *     dataType: {
           *       typeKind: 'INT64'
           *     }
           *   }],
           *   definitionBody: 'x * 3',
           *   routineType: 'SCALAR_FUNCTION',
           *   returnType: {
           *     typeKind: 'INT64'
           *   }
           * };
           *
           * routine.create(config, (err, routine, apiResponse) => {
           *   if (!err) {
           *     // The routine was created successfully.
           *   }
           * });
           *
           * ```
           * @example If the callback is omitted a Promise will be returned
           * ```
           * const [routine, apiResponse] = await routine.create(config);
           * ```
           */
          create: true,
          /**
           * @callback DeleteRoutineCallback
           * @param {?Error} err Request error, if any.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} DeleteRoutineResponse
           * @property {object} 0 The full API response.
           */
          /**
           * Deletes a routine.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines/delete| Routines: delete API Documentation}
           *
           * @method Routine#delete
           * @param {DeleteRoutineCallback} [callback] The callback function.
           * @returns {Promise<DeleteRoutineResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const routine = dataset.routine('my_routine');
           *
           * routine.delete((err, apiResponse) => {
           *   if (!err) {
           *     // The routine was deleted successfully.
           *   }
           * });
           *
           * ```
           * @example If the callback is omitted a Promise will be returned
           * ```
           * const [apiResponse] = await routine.delete();
           * ```
           */
          delete: true,
          /**
           * @callback RoutineExistsCallback
           * @param {?Error} err Request error, if any.
           * @param {boolean} exists Indicates if the routine exists.
           */
          /**
           * @typedef {array} RoutineExistsResponse
           * @property {boolean} 0 Indicates if the routine exists.
           */
          /**
           * Check if the routine exists.
           *
           * @method Routine#exists
           * @param {RoutineExistsCallback} [callback] The callback function.
           * @returns {Promise<RoutineExistsResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const routine = dataset.routine('my_routine');
           *
           * routine.exists((err, exists) => {});
           *
           * ```
           * @example If the callback is omitted a Promise will be returned
           * ```
           * const [exists] = await routine.exists();
           * ```
           */
          exists: true,
          /**
           * @callback GetRoutineCallback
           * @param {?Error} err Request error, if any.
           * @param {Routine} routine The routine.
           * @param {object} apiResponse The full API response body.
           */
          /**
           * @typedef {array} GetRoutineResponse
           * @property {Routine} 0 The routine.
           * @property {object} 1 The full API response body.
           */
          /**
           * Get a routine if it exists.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines/get| Routines: get API Documentation}
           *
           * @method Routine#get
           * @param {GetRoutineCallback} [callback] The callback function.
           * @returns {Promise<GetRoutineResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const routine = dataset.routine('my_routine');
           *
           * routine.get((err, routine) => {});
           *
           * ```
           * @example If the callback is omitted a Promise will be returned
           * ```
           * const [routine2] = await routine.get();
           * ```
           */
          get: true,
          /**
           * @callback GetRoutineMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The routine metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} GetRoutineMetadataResponse
           * @property {object} 0 The routine metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * Get the metadata associated with a routine.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines/get| Routines: get API Documentation}
           *
           * @method Routine#getMetadata
           * @param {GetRoutineMetadataCallback} [callback] The callback function.
           * @returns {Promise<GetRoutineMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const routine = dataset.routine('my_routine');
           *
           * routine.getMetadata((err, metadata, apiResponse) => {});
           *
           * ```
           * @example If the callback is omitted a Promise will be returned
           * ```
           * const [metadata, apiResponse] = await routine.getMetadata();
           * ```
           */
          getMetadata: true,
          /**
           * @callback SetRoutineMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The routine metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} SetRoutineMetadataResponse
           * @property {object} 0 The routine metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * Update a routine.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines/update| Routines: update API Documentation}
           *
           * @method Routine#setMetadata
           * @param {object} metadata A [routine resource object]{@link https://cloud.google.com/bigquery/docs/reference/rest/v2/routines#Routine}.
           * @param {SetRoutineMetadataCallback} [callback] The callback function.
           * @returns {Promise<SetRoutineMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('my-dataset');
           * const routine = dataset.routine('my_routine');
           *
           * const updates = {
           *   description: 'The perfect description!'
           * };
           *
           * routine.setMetadata(updates, (err, metadata, apiResponse) => {});
           *
           * ```
           * @example If the callback is omitted a Promise will be returned
           * ```
           * const [metadata, apiResponse] = await routine.setMetadata(updates);
           * ```
           */
          setMetadata: {
            reqOpts: {
              method: "PUT"
            }
          }
        };
        super({
          parent: dataset,
          baseUrl: "/routines",
          id,
          methods,
          createMethod: dataset.createRoutine.bind(dataset)
        });
      }
      setMetadata(metadata, callback) {
        void this.getMetadata((err, fullMetadata) => {
          if (err) {
            callback(err);
            return;
          }
          const updatedMetadata = extend(true, {}, fullMetadata, metadata);
          void super.setMetadata(updatedMetadata, callback);
        });
      }
    };
    exports.Routine = Routine;
    (0, promisify_1.promisifyAll)(Routine);
  }
});

// node_modules/@google-cloud/bigquery/build/src/dataset.js
var require_dataset = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/dataset.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dataset = void 0;
    var common_1 = require_src6();
    var paginator_1 = require_src7();
    var promisify_1 = require_src8();
    var extend = require_extend();
    var table_1 = require_table();
    var model_1 = require_model();
    var routine_1 = require_routine();
    var Dataset = class extends common_1.ServiceObject {
      bigQuery;
      location;
      projectId;
      getModelsStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      getRoutinesStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      getTablesStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      constructor(bigQuery, id, options) {
        const methods = {
          /**
           * @callback CreateDatasetCallback
           * @param {?Error} err Request error, if any.
           * @param {Dataset} dataset The newly created dataset.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} CreateDatasetResponse
           * @property {Dataset} 0 The newly created dataset.
           * @property {object} 1 The full API response body.
           */
          /**
           * Create a dataset.
           *
           * @method Dataset#create
           * @param {CreateDatasetCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {Dataset} callback.dataset The newly created dataset.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<CreateDatasetResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('institutions');
           * dataset.create((err, dataset, apiResponse) => {
           *   if (!err) {
           *     // The dataset was created successfully.
           *   }
           * });
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * dataset.create().then((data) => {
           *   const dataset = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          create: true,
          /**
           * @callback DatasetExistsCallback
           * @param {?Error} err Request error, if any.
           * @param {boolean} exists Indicates if the dataset exists.
           */
          /**
           * @typedef {array} DatasetExistsResponse
           * @property {boolean} 0 Indicates if the dataset exists.
           */
          /**
           * Check if the dataset exists.
           *
           * @method Dataset#exists
           * @param {DatasetExistsCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {boolean} callback.exists Whether the dataset exists or not.
           * @returns {Promise<DatasetExistsResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('institutions');
           * dataset.exists((err, exists) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * dataset.exists().then((data) => {
           *   const exists = data[0];
           * });
           * ```
           */
          exists: true,
          /**
           * @callback GetDatasetCallback
           * @param {?Error} err Request error, if any.
           * @param {Dataset} dataset The dataset.
           * @param {object} apiResponse The full API response body.
           */
          /**
           * @typedef {array} GetDatasetResponse
           * @property {Dataset} 0 The dataset.
           * @property {object} 1 The full API response body.
           */
          /**
           * Get a dataset if it exists.
           *
           * You may optionally use this to "get or create" an object by providing
           * an object with `autoCreate` set to `true`. Any extra configuration that
           * is normally required for the `create` method must be contained within
           * this object as well.
           *
           * @method Dataset#get
           * @param {options} [options] Configuration object.
           * @param {boolean} [options.autoCreate=false] Automatically create the
           *     object if it does not exist.
           * @param {GetDatasetCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {Dataset} callback.dataset The dataset.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetDatasetResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('institutions');
           * dataset.get((err, dataset, apiResponse) => {
           *   if (!err) {
           *     // `dataset.metadata` has been populated.
           *   }
           * });
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * dataset.get().then((data) => {
           *   const dataset = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          get: true,
          /**
           * @callback GetDatasetMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The dataset metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} GetDatasetMetadataResponse
           * @property {object} 0 The dataset metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * Get the metadata for the Dataset.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/v2/datasets/get| Datasets: get API Documentation}
           *
           * @method Dataset#getMetadata
           * @param {GetDatasetMetadataCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.metadata The dataset's metadata.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetDatasetMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('institutions');
           * dataset.getMetadata((err, metadata, apiResponse) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * dataset.getMetadata().then((data) => {
           *   const metadata = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          getMetadata: true,
          /**
           * @callback SetDatasetMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} SetDatasetMetadataResponse
           * @property {object} 0 The full API response.
           */
          /**
           * Sets the metadata of the Dataset object.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/v2/datasets/patch| Datasets: patch API Documentation}
           *
           * @method Dataset#setMetadata
           * @param {object} metadata Metadata to save on the Dataset.
           * @param {SetDatasetMetadataCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<SetDatasetMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           * const dataset = bigquery.dataset('institutions');
           *
           * const metadata = {
           *   description: 'Info for every institution in the 2013 IPEDS universe'
           * };
           *
           * dataset.setMetadata(metadata, (err, apiResponse) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * dataset.setMetadata(metadata).then((data) => {
           *   const apiResponse = data[0];
           * });
           * ```
           */
          setMetadata: true
        };
        super({
          parent: bigQuery,
          baseUrl: "/datasets",
          id,
          methods,
          createMethod: (id2, optionsOrCallback, cb) => {
            let options2 = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
            const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
            if (this.location) {
              options2 = extend({}, options2, { location: this.location });
            }
            if (this.projectId) {
              options2 = extend({}, options2, { projectId: this.projectId });
            }
            return bigQuery.createDataset(id2, options2, callback);
          }
        });
        if (options && options.location) {
          this.location = options.location;
        }
        if (options?.projectId) {
          this.projectId = options.projectId;
        } else {
          this.projectId = bigQuery.projectId;
        }
        this.bigQuery = bigQuery;
        this.interceptors.push({
          request: (reqOpts) => {
            if (reqOpts.method === "PATCH" && reqOpts.json.etag) {
              reqOpts.headers = reqOpts.headers || {};
              reqOpts.headers["If-Match"] = reqOpts.json.etag;
            }
            if (this.projectId) {
              reqOpts.uri = reqOpts.uri.replace(`/projects/${this.bigQuery.projectId}/`, `/projects/${this.projectId}/`);
            }
            return reqOpts;
          }
        });
        this.getModelsStream = paginator_1.paginator.streamify("getModels");
        this.getRoutinesStream = paginator_1.paginator.streamify("getRoutines");
        this.getTablesStream = paginator_1.paginator.streamify("getTables");
      }
      createQueryJob(options, callback) {
        if (typeof options === "string") {
          options = {
            query: options
          };
        }
        options = extend(true, {}, options, {
          defaultDataset: {
            datasetId: this.id
          },
          location: this.location
        });
        return this.bigQuery.createQueryJob(options, callback);
      }
      /**
       * Run a query scoped to your dataset as a readable object stream.
       *
       * See {@link BigQuery#createQueryStream} for full documentation of this
       * method.
       *
       * @param {object} options See {@link BigQuery#createQueryStream} for full
       *     documentation of this method.
       * @returns {stream}
       */
      createQueryStream(options) {
        if (typeof options === "string") {
          options = {
            query: options
          };
        }
        options = extend(true, {}, options, {
          defaultDataset: {
            datasetId: this.id
          },
          location: this.location
        });
        return this.bigQuery.createQueryStream(options);
      }
      createRoutine(id, config, callback) {
        const json = Object.assign({}, config, {
          routineReference: {
            routineId: id,
            datasetId: this.id,
            projectId: this.projectId
          }
        });
        this.request({
          method: "POST",
          uri: "/routines",
          json
        }, (err, resp) => {
          if (err) {
            callback(err, null, resp);
            return;
          }
          const routine = this.routine(resp.routineReference.routineId);
          routine.metadata = resp;
          callback(null, routine, resp);
        });
      }
      createTable(id, optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        const body = table_1.Table.formatMetadata_(options);
        body.tableReference = {
          datasetId: this.id,
          projectId: this.projectId,
          tableId: id
        };
        this.request({
          method: "POST",
          uri: "/tables",
          json: body
        }, (err, resp) => {
          if (err) {
            callback(err, null, resp);
            return;
          }
          const table = this.table(resp.tableReference.tableId, {
            location: resp.location
          });
          table.metadata = resp;
          callback(null, table, resp);
        });
      }
      delete(optionsOrCallback, callback) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        callback = typeof optionsOrCallback === "function" ? optionsOrCallback : callback;
        const query = {
          deleteContents: !!options.force
        };
        this.request({
          method: "DELETE",
          uri: "",
          qs: query
        }, callback);
      }
      getModels(optsOrCb, cb) {
        const options = typeof optsOrCb === "object" ? optsOrCb : {};
        const callback = typeof optsOrCb === "function" ? optsOrCb : cb;
        this.request({
          uri: "/models",
          qs: options
        }, (err, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          let nextQuery = null;
          if (resp.nextPageToken) {
            nextQuery = Object.assign({}, options, {
              pageToken: resp.nextPageToken
            });
          }
          const models = (resp.models || []).map((modelObject) => {
            const model = this.model(modelObject.modelReference.modelId);
            model.metadata = modelObject;
            return model;
          });
          callback(null, models, nextQuery, resp);
        });
      }
      getRoutines(optsOrCb, cb) {
        const options = typeof optsOrCb === "object" ? optsOrCb : {};
        const callback = typeof optsOrCb === "function" ? optsOrCb : cb;
        this.request({
          uri: "/routines",
          qs: options
        }, (err, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          let nextQuery = null;
          if (resp.nextPageToken) {
            nextQuery = Object.assign({}, options, {
              pageToken: resp.nextPageToken
            });
          }
          const routines = (resp.routines || []).map((metadata) => {
            const routine = this.routine(metadata.routineReference.routineId);
            routine.metadata = metadata;
            return routine;
          });
          callback(null, routines, nextQuery, resp);
        });
      }
      getTables(optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        this.request({
          uri: "/tables",
          qs: options
        }, (err, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          let nextQuery = null;
          if (resp.nextPageToken) {
            nextQuery = Object.assign({}, options, {
              pageToken: resp.nextPageToken
            });
          }
          const tables = (resp.tables || []).map((tableObject) => {
            const table = this.table(tableObject.tableReference.tableId, {
              location: tableObject.location
            });
            table.metadata = tableObject;
            return table;
          });
          callback(null, tables, nextQuery, resp);
        });
      }
      /**
       * Create a {@link Model} object.
       *
       * @throws {TypeError} if model ID is missing.
       *
       * @param {string} id The ID of the model.
       * @return {Model}
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const dataset = bigquery.dataset('institutions');
       *
       * const model = dataset.model('my-model');
       * ```
       */
      model(id) {
        if (typeof id !== "string") {
          throw new TypeError("A model ID is required.");
        }
        return new model_1.Model(this, id);
      }
      query(options, callback) {
        if (typeof options === "string") {
          options = {
            query: options
          };
        }
        options = extend(true, {}, options, {
          defaultDataset: {
            datasetId: this.id
          },
          location: this.location
        });
        return this.bigQuery.query(options, callback);
      }
      /**
       * Create a {@link Routine} object.
       *
       * @throws {TypeError} if routine ID is missing.
       *
       * @param {string} id The ID of the routine.
       * @returns {Routine}
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const dataset = bigquery.dataset('institutions');
       *
       * const routine = dataset.routine('my_routine');
       * ```
       */
      routine(id) {
        if (typeof id !== "string") {
          throw new TypeError("A routine ID is required.");
        }
        return new routine_1.Routine(this, id);
      }
      /**
       * Create a {@link Table} object.
       *
       * @throws {TypeError} if table ID is missing.
       *
       * @param {string} id The ID of the table.
       * @param {object} [options] Table options.
       * @param {string} [options.location] The geographic location of the table, by
       *      default this value is inherited from the dataset. This can be used to
       *      configure the location of all jobs created through a table instance.
       * It cannot be used to set the actual location of the table. This value will
       *      be superseded by any API responses containing location data for the
       *      table.
       * @return {Table}
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const dataset = bigquery.dataset('institutions');
       *
       * const institutions = dataset.table('institution_data');
       * ```
       */
      table(id, options) {
        if (typeof id !== "string") {
          throw new TypeError("A table ID is required.");
        }
        options = extend({
          location: this.location,
          projectId: this.projectId
        }, options);
        return new table_1.Table(this, id, options);
      }
    };
    exports.Dataset = Dataset;
    paginator_1.paginator.extend(Dataset, ["getModels", "getRoutines", "getTables"]);
    (0, promisify_1.promisifyAll)(Dataset, {
      exclude: ["model", "routine", "table"]
    });
  }
});

// node_modules/@google-cloud/bigquery/build/src/logger.js
var require_logger = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/logger.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.logger = logger;
    exports.setLogFunction = setLogFunction;
    var util = __require("util");
    var logFunction = null;
    function logger(source, msg, ...otherArgs) {
      if (logFunction) {
        const time = (/* @__PURE__ */ new Date()).toISOString();
        const formattedMsg = util.format(`D ${time} | ${source} | ${msg} |`, ...otherArgs);
        logFunction(formattedMsg);
      }
    }
    function setLogFunction(logger2) {
      logFunction = logger2;
    }
  }
});

// node_modules/@google-cloud/bigquery/build/src/job.js
var require_job = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/job.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Job = void 0;
    var common_1 = require_src6();
    var paginator_1 = require_src7();
    var promisify_1 = require_src8();
    var extend = require_extend();
    var bigquery_1 = require_bigquery();
    var logger_1 = require_logger();
    var Job = class extends common_1.Operation {
      bigQuery;
      location;
      getQueryResultsStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      constructor(bigQuery, id, options) {
        let location;
        const methods = {
          /**
           * @callback DeleteJobCallback
           * @param {?Error} err Request error, if any.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} DeleteJobResponse
           * @property {object} 0 The full API response.
           */
          /**
           * Delete the job.
           *
           * @see [Jobs: delete API Documentation]{@link https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/delete}
           *
           * @method Job#delete
           * @param {DeleteJobCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<DeleteJobResponse>}
           *
           * @example
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           *
           * const job = bigquery.job(jobId);
           * job.delete((err, apiResponse) => {
           *   if (!err) {
           *     // The job was deleted successfully.
           *   }
           * });
           *
           * @example If the callback is omitted a Promise will be returned
           * const [apiResponse] = await job.delete();
           */
          delete: {
            reqOpts: {
              method: "DELETE",
              uri: "/delete",
              qs: {
                get location() {
                  return location;
                }
              }
            }
          },
          /**
           * @callback JobExistsCallback
           * @param {?Error} err Request error, if any.
           * @param {boolean} exists Indicates if the job exists.
           */
          /**
           * @typedef {array} JobExistsResponse
           * @property {boolean} 0 Indicates if the job exists.
           */
          /**
           * Check if the job exists.
           *
           * @method Job#exists
           * @param {JobExistsCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {boolean} callback.exists Whether the job exists or not.
           * @returns {Promise<JobExistsResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           *
           * const job = bigquery.job('job-id');
           *
           * job.exists((err, exists) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * job.exists().then((data) => {
           *   const exists = data[0];
           * });
           * ```
           */
          exists: true,
          /**
           * @callback GetJobCallback
           * @param {?Error} err Request error, if any.
           * @param {Model} model The job.
           * @param {object} apiResponse The full API response body.
           */
          /**
           * @typedef {array} GetJobResponse
           * @property {Model} 0 The job.
           * @property {object} 1 The full API response body.
           */
          /**
           * Get a job if it exists.
           *
           * @method Job#get
           * @param {object} [options] Configuration object.
           * @param {string} [options.location] The geographic location of the job.
           *     Required except for US and EU.
           * @param {GetJobCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {Job} callback.job The job.
           * @returns {Promise<GetJobResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           *
           * const job = bigquery.job('job-id');
           *
           * job.get((err, job, apiResponse) => {
           *   if (!err) {
           *     // `job.metadata` has been populated.
           *   }
           * });
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * job.get().then((data) => {
           *   const job = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          get: true,
          /**
           * @callback GetJobMetadataCallback
           * @param {?Error} err Request error, if any.
           * @param {object} metadata The job metadata.
           * @param {object} apiResponse The full API response.
           */
          /**
           * @typedef {array} GetJobMetadataResponse
           * @property {object} 0 The job metadata.
           * @property {object} 1 The full API response.
           */
          /**
           * Get the metadata of the job. This will mostly be useful for checking
           * the status of a previously-run job.
           *
           * See {@link https://cloud.google.com/bigquery/docs/reference/v2/jobs/get| Jobs: get API Documentation}
           *
           * @method Job#getMetadata
           * @param {GetJobMetadataCallback} [callback] The callback function.
           * @param {?error} callback.err An error returned while making this
           *     request.
           * @param {object} callback.metadata The metadata of the job.
           * @param {object} callback.apiResponse The full API response.
           * @returns {Promise<GetJobMetadataResponse>}
           *
           * @example
           * ```
           * const {BigQuery} = require('@google-cloud/bigquery');
           * const bigquery = new BigQuery();
           *
           * const job = bigquery.job('id');
           * job.getMetadata((err, metadata, apiResponse) => {});
           *
           * //-
           * // If the callback is omitted, we'll return a Promise.
           * //-
           * job.getMetadata().then((data) => {
           *   const metadata = data[0];
           *   const apiResponse = data[1];
           * });
           * ```
           */
          getMetadata: {
            reqOpts: {
              qs: {
                get location() {
                  return location;
                }
              }
            }
          }
        };
        super({
          parent: bigQuery,
          baseUrl: "/jobs",
          id,
          methods
        });
        Object.defineProperty(this, "location", {
          get() {
            return location;
          },
          set(_location) {
            location = _location;
          }
        });
        this.bigQuery = bigQuery;
        if (options && options.location) {
          this.location = options.location;
        }
        if (options?.projectId) {
          this.projectId = options.projectId;
        }
        this.getQueryResultsStream = paginator_1.paginator.streamify("getQueryResultsAsStream_");
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      trace_(msg, ...otherArgs) {
        (0, logger_1.logger)(`[job][${this.id}]`, msg, ...otherArgs);
      }
      cancel(callback) {
        let qs;
        if (this.location) {
          qs = { location: this.location };
        }
        this.request({
          method: "POST",
          uri: "/cancel",
          qs
        }, callback);
      }
      getQueryResults(optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        const qs = extend({
          location: this.location,
          "formatOptions.useInt64Timestamp": true
        }, options);
        this.trace_("[getQueryResults]", this.id, options.pageToken, options.startIndex);
        const wrapIntegers = qs.wrapIntegers ? qs.wrapIntegers : false;
        delete qs.wrapIntegers;
        const parseJSON = qs.parseJSON ? qs.parseJSON : false;
        delete qs.parseJSON;
        delete qs.job;
        const timeoutOverride = typeof qs.timeoutMs === "number" ? qs.timeoutMs : false;
        const cachedRows = options._cachedRows;
        const cachedResponse = options._cachedResponse;
        delete options._cachedRows;
        delete options._cachedResponse;
        if (cachedRows) {
          let nextQuery = null;
          if (options.pageToken) {
            nextQuery = Object.assign({}, options, {
              pageToken: options.pageToken
            });
          }
          delete cachedResponse?.rows;
          callback(null, cachedRows, nextQuery, cachedResponse);
          return;
        }
        this.bigQuery.request({
          uri: "/queries/" + this.id,
          qs
        }, (err, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          let rows = [];
          if (resp.schema && resp.rows) {
            try {
              if (options.skipParsing) {
                rows = resp.rows;
              } else {
                rows = bigquery_1.BigQuery.mergeSchemaWithRows_(resp.schema, resp.rows, {
                  wrapIntegers,
                  parseJSON
                });
                delete resp.rows;
              }
            } catch (e) {
              callback(e, null, null, resp);
              return;
            }
          }
          let nextQuery = null;
          if (resp.jobComplete === false) {
            nextQuery = Object.assign({}, options);
            if (timeoutOverride) {
              const err2 = new Error(`The query did not complete before ${timeoutOverride}ms`);
              callback(err2, null, nextQuery, resp);
              return;
            }
          } else if (resp.pageToken) {
            this.trace_("[getQueryResults] has more pages", resp.pageToken);
            nextQuery = Object.assign({}, options, {
              pageToken: resp.pageToken
            });
            delete nextQuery.startIndex;
          }
          callback(null, rows, nextQuery, resp);
        });
      }
      /**
       * This method will be called by `getQueryResultsStream()`. It is required to
       * properly set the `autoPaginate` option value.
       *
       * @private
       */
      getQueryResultsAsStream_(options, callback) {
        options = extend({ autoPaginate: false }, options);
        this.getQueryResults(options, callback);
      }
      /**
       * Poll for a status update. Execute the callback:
       *
       *   - callback(err): Job failed
       *   - callback(): Job incomplete
       *   - callback(null, metadata): Job complete
       *
       * @private
       *
       * @param {function} callback
       */
      poll_(callback) {
        void this.getMetadata((err, metadata) => {
          if (!err && metadata.status && metadata.status.errorResult) {
            err = new common_1.util.ApiError(metadata.status);
          }
          if (err) {
            callback(err);
            return;
          }
          if (metadata.status.state !== "DONE") {
            callback(null);
            return;
          }
          callback(null, metadata);
        });
      }
    };
    exports.Job = Job;
    paginator_1.paginator.extend(Job, ["getQueryResults"]);
    (0, promisify_1.promisifyAll)(Job);
  }
});

// node_modules/@google-cloud/bigquery/package.json
var require_package = __commonJS({
  "node_modules/@google-cloud/bigquery/package.json"(exports, module) {
    module.exports = {
      name: "@google-cloud/bigquery",
      description: "Google BigQuery Client Library for Node.js",
      version: "8.3.1",
      license: "Apache-2.0",
      author: "Google LLC",
      engines: {
        node: ">=18"
      },
      repository: {
        type: "git",
        directory: "handwritten/bigquery",
        url: "https://github.com/googleapis/google-cloud-node.git"
      },
      main: "./build/src/index.js",
      types: "./build/src/index.d.ts",
      files: [
        "build/src",
        "!build/src/**/*.map"
      ],
      keywords: [
        "google apis client",
        "google api client",
        "google apis",
        "google api",
        "google",
        "google cloud platform",
        "google cloud",
        "cloud",
        "google bigquery",
        "bigquery"
      ],
      scripts: {
        prebenchmark: "npm run compile",
        benchmark: "node build/benchmark/bench.js benchmark/queries.json",
        docs: "jsdoc -c .jsdoc.js",
        lint: "gts check",
        "samples-test": "cd samples/ && npm link ../ && npm test && cd ../",
        test: "c8 mocha build/test",
        "system-test": "mocha build/system-test --timeout 600000",
        "presystem-test": "npm run compile",
        clean: "gts clean",
        compile: "tsc -p . && cp src/types.d.ts build/src/",
        fix: "gts fix",
        predocs: "npm run compile",
        prepare: "npm run compile",
        pretest: "npm run compile",
        "docs-test": "linkinator docs",
        "predocs-test": "npm run docs",
        types: "node scripts/gen-types.js",
        prelint: "cd samples; npm link ../; npm install",
        precompile: "gts clean"
      },
      dependencies: {
        "@google-cloud/common": "^6.0.0",
        "@google-cloud/paginator": "^6.0.0",
        "@google-cloud/precise-date": "^5.0.0",
        "@google-cloud/promisify": "^5.0.0",
        "teeny-request": "^10.0.0",
        arrify: "^3.0.0",
        "big.js": "^7.0.0",
        duplexify: "^4.1.3",
        extend: "^3.0.2",
        "stream-events": "^1.0.5"
      },
      overrides: {
        "@sinonjs/fake-timers": "15.1.1",
        "@google-cloud/common": {
          "google-auth-library": "10.3.0"
        }
      },
      devDependencies: {
        "@google-cloud/storage": "^7.16.0",
        "@types/big.js": "^6.2.2",
        "@types/duplexify": "^3.6.4",
        "@types/extend": "^3.0.4",
        "@types/is": "^0.0.25",
        "@types/mocha": "^10.0.10",
        "@types/node": "^22.14.0",
        "@types/proxyquire": "^1.3.31",
        "@types/sinon": "^17.0.4",
        c8: "^10.1.3",
        codecov: "^3.8.3",
        "discovery-tsd": "^0.3.0",
        "eslint-plugin-prettier": "^5.2.6",
        gts: "^6.0.2",
        jsdoc: "^4.0.4",
        "jsdoc-fresh": "^4.0.0",
        "jsdoc-region-tag": "^3.0.0",
        linkinator: "^6.1.2",
        mocha: "^11.1.0",
        nise: "^6.1.1",
        "pack-n-play": "^3.0.1",
        "path-to-regexp": "^8.2.0",
        prettier: "^3.5.3",
        proxyquire: "^2.1.3",
        sinon: "21.0.3",
        typescript: "^5.8.2"
      },
      homepage: "https://github.com/googleapis/google-cloud-node/tree/main/handwritten/bigquery"
    };
  }
});

// node_modules/@google-cloud/bigquery/build/src/bigquery.js
var require_bigquery = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/bigquery.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BigQueryInt = exports.BigQueryTime = exports.BigQueryDatetime = exports.BigQueryTimestamp = exports.Geography = exports.BigQueryDate = exports.BigQueryRange = exports.BigQuery = exports.PROTOCOL_REGEX = exports.common = void 0;
    var common_1 = require_src6();
    var common = require_src6();
    exports.common = common;
    var paginator_1 = require_src7();
    var promisify_1 = require_src8();
    var precise_date_1 = require_src9();
    var util_1 = require_util2();
    var Big = require_big();
    var extend = require_extend();
    var crypto_1 = __require("crypto");
    var dataset_1 = require_dataset();
    var job_1 = require_job();
    var table_1 = require_table();
    var logger_1 = require_logger();
    exports.PROTOCOL_REGEX = /^(\w*):\/\//;
    var BigQuery2 = class _BigQuery extends common_1.Service {
      location;
      _universeDomain;
      _defaultJobCreationMode;
      createQueryStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      getDatasetsStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      getJobsStream(options) {
        return new paginator_1.ResourceStream({}, () => {
        });
      }
      constructor(options = {}) {
        let universeDomain = "googleapis.com";
        const servicePath = "bigquery";
        if (options.universeDomain) {
          universeDomain = _BigQuery.sanitizeDomain(options.universeDomain);
        }
        const EMULATOR_HOST = process.env.BIGQUERY_EMULATOR_HOST;
        let apiEndpoint = `https://${servicePath}.${universeDomain}`;
        if (typeof EMULATOR_HOST === "string") {
          apiEndpoint = _BigQuery.sanitizeEndpoint(EMULATOR_HOST);
        }
        if (options.apiEndpoint) {
          apiEndpoint = _BigQuery.sanitizeEndpoint(options.apiEndpoint);
        }
        options = Object.assign({}, options, {
          apiEndpoint
        });
        const baseUrl = EMULATOR_HOST || `${options.apiEndpoint}/bigquery/v2`;
        const config = {
          apiEndpoint: options.apiEndpoint,
          baseUrl,
          scopes: ["https://www.googleapis.com/auth/bigquery"],
          packageJson: require_package(),
          autoRetry: options.autoRetry,
          maxRetries: options.maxRetries,
          retryOptions: options.retryOptions
        };
        if (options.scopes) {
          config.scopes = config.scopes.concat(options.scopes);
        }
        super(config, options);
        if (options.defaultJobCreationMode) {
          this._defaultJobCreationMode = options.defaultJobCreationMode;
        }
        this._universeDomain = universeDomain;
        this.location = options.location;
        this.createQueryStream = paginator_1.paginator.streamify("queryAsStream_");
        this.getDatasetsStream = paginator_1.paginator.streamify("getDatasets");
        this.getJobsStream = paginator_1.paginator.streamify("getJobs");
        this.interceptors.push({
          request: (reqOpts) => {
            return extend(true, {}, reqOpts, { qs: { prettyPrint: false } });
          }
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      trace_(msg, ...otherArgs) {
        (0, logger_1.logger)("[bigquery]", msg, ...otherArgs);
      }
      get universeDomain() {
        return this._universeDomain;
      }
      static sanitizeEndpoint(url) {
        if (!exports.PROTOCOL_REGEX.test(url)) {
          url = `https://${url}`;
        }
        return this.sanitizeDomain(url);
      }
      static sanitizeDomain(url) {
        return url.replace(/\/+$/, "");
      }
      /**
       * Merge a rowset returned from the API with a table schema.
       *
       * @private
       *
       * @param {object} schema
       * @param {array} rows
       * @param {object} options
       * @param {boolean|IntegerTypeCastOptions} options.wrapIntegers Wrap values of
       *     'INT64' type in {@link BigQueryInt} objects.
       *     If a `boolean`, this will wrap values in {@link BigQueryInt} objects.
       *     If an `object`, this will return a value returned by
       *     `wrapIntegers.integerTypeCastFunction`.
       *     Please see {@link IntegerTypeCastOptions} for options descriptions.
       * @param {array} options.selectedFields List of fields to return.
       * If unspecified, all fields are returned.
       * @param {array} options.parseJSON parse a 'JSON' field into a JSON object.
       * @returns Fields using their matching names from the table's schema.
       */
      static mergeSchemaWithRows_(schema, rows, options) {
        let schemaFields = extend(true, [], schema?.fields);
        let selectedFields = extend(true, [], options.selectedFields);
        if (options.selectedFields && options.selectedFields.length > 0) {
          const selectedFieldsArray = options.selectedFields.map((c) => {
            return c.split(".");
          });
          const currentFields = selectedFieldsArray.map((c) => c.shift()).filter((c) => c !== void 0);
          schemaFields = schemaFields.filter((field) => currentFields.map((c) => c.toLowerCase()).indexOf(field.name.toLowerCase()) >= 0);
          selectedFields = selectedFieldsArray.filter((c) => c.length > 0).map((c) => c.join("."));
        }
        return (0, util_1.toArray)(rows).map(mergeSchema).map(flattenRows);
        function mergeSchema(row) {
          return row.f.map((field, index) => {
            const schemaField = schemaFields[index];
            let value = field.v;
            if (schemaField && schemaField.mode === "REPEATED") {
              value = value.map((val) => {
                return convertSchemaFieldValue(schemaField, val.v, {
                  ...options,
                  selectedFields
                });
              });
            } else {
              value = convertSchemaFieldValue(schemaField, value, {
                ...options,
                selectedFields
              });
            }
            const fieldObject = {};
            fieldObject[schemaField.name] = value;
            return fieldObject;
          });
        }
        function flattenRows(rows2) {
          return rows2.reduce((acc, row) => {
            const key = Object.keys(row)[0];
            acc[key] = row[key];
            return acc;
          }, {});
        }
      }
      /**
       * The `DATE` type represents a logical calendar date, independent of time
       * zone. It does not represent a specific 24-hour time period. Rather, a given
       * DATE value represents a different 24-hour period when interpreted in
       * different time zones, and may represent a shorter or longer day during
       * Daylight Savings Time transitions.
       *
       * @param {object|string} value The date. If a string, this should be in the
       *     format the API describes: `YYYY-[M]M-[D]D`.
       *     Otherwise, provide an object.
       * @param {string|number} value.year Four digits.
       * @param {string|number} value.month One or two digits.
       * @param {string|number} value.day One or two digits.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const date = bigquery.date('2017-01-01');
       *
       * //-
       * // Alternatively, provide an object.
       * //-
       * const date2 = bigquery.date({
       *   year: 2017,
       *   month: 1,
       *   day: 1
       * });
       * ```
       */
      static date(value) {
        return new BigQueryDate(value);
      }
      /**
       * @param {object|string} value The date. If a string, this should be in the
       *     format the API describes: `YYYY-[M]M-[D]D`.
       *     Otherwise, provide an object.
       * @param {string|number} value.year Four digits.
       * @param {string|number} value.month One or two digits.
       * @param {string|number} value.day One or two digits.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const date = BigQuery.date('2017-01-01');
       *
       * //-
       * // Alternatively, provide an object.
       * //-
       * const date2 = BigQuery.date({
       *   year: 2017,
       *   month: 1,
       *   day: 1
       * });
       * ```
       */
      date(value) {
        return _BigQuery.date(value);
      }
      /**
       * A `DATETIME` data type represents a point in time. Unlike a `TIMESTAMP`,
       * this does not refer to an absolute instance in time. Instead, it is the
       * civil time, or the time that a user would see on a watch or calendar.
       *
       * @method BigQuery.datetime
       * @param {object|string} value The time. If a string, this should be in the
       *     format the API describes: `YYYY-[M]M-[D]D[ [H]H:[M]M:[S]S[.DDDDDD]]`.
       *     Otherwise, provide an object.
       * @param {string|number} value.year Four digits.
       * @param {string|number} value.month One or two digits.
       * @param {string|number} value.day One or two digits.
       * @param {string|number} [value.hours] One or two digits (`00` - `23`).
       * @param {string|number} [value.minutes] One or two digits (`00` - `59`).
       * @param {string|number} [value.seconds] One or two digits (`00` - `59`).
       * @param {string|number} [value.fractional] Up to six digits for microsecond
       *     precision.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const datetime = BigQuery.datetime('2017-01-01 13:00:00');
       *
       * //-
       * // Alternatively, provide an object.
       * //-
       * const datetime = BigQuery.datetime({
       *   year: 2017,
       *   month: 1,
       *   day: 1,
       *   hours: 14,
       *   minutes: 0,
       *   seconds: 0
       * });
       * ```
       */
      /**
       * A `DATETIME` data type represents a point in time. Unlike a `TIMESTAMP`,
       * this does not refer to an absolute instance in time. Instead, it is the
       * civil time, or the time that a user would see on a watch or calendar.
       *
       * @param {object|string} value The time. If a string, this should be in the
       *     format the API describes: `YYYY-[M]M-[D]D[ [H]H:[M]M:[S]S[.DDDDDD]]`.
       *     Otherwise, provide an object.
       * @param {string|number} value.year Four digits.
       * @param {string|number} value.month One or two digits.
       * @param {string|number} value.day One or two digits.
       * @param {string|number} [value.hours] One or two digits (`00` - `23`).
       * @param {string|number} [value.minutes] One or two digits (`00` - `59`).
       * @param {string|number} [value.seconds] One or two digits (`00` - `59`).
       * @param {string|number} [value.fractional] Up to six digits for microsecond
       *     precision.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const datetime = bigquery.datetime('2017-01-01 13:00:00');
       *
       * //-
       * // Alternatively, provide an object.
       * //-
       * const datetime = bigquery.datetime({
       *   year: 2017,
       *   month: 1,
       *   day: 1,
       *   hours: 14,
       *   minutes: 0,
       *   seconds: 0
       * });
       * ```
       */
      static datetime(value) {
        return new BigQueryDatetime(value);
      }
      datetime(value) {
        return _BigQuery.datetime(value);
      }
      /**
       * A `TIME` data type represents a time, independent of a specific date.
       *
       * @method BigQuery.time
       * @param {object|string} value The time. If a string, this should be in the
       *     format the API describes: `[H]H:[M]M:[S]S[.DDDDDD]`. Otherwise, provide
       *     an object.
       * @param {string|number} [value.hours] One or two digits (`00` - `23`).
       * @param {string|number} [value.minutes] One or two digits (`00` - `59`).
       * @param {string|number} [value.seconds] One or two digits (`00` - `59`).
       * @param {string|number} [value.fractional] Up to six digits for microsecond
       *     precision.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const time = BigQuery.time('14:00:00'); // 2:00 PM
       *
       * //-
       * // Alternatively, provide an object.
       * //-
       * const time = BigQuery.time({
       *   hours: 14,
       *   minutes: 0,
       *   seconds: 0
       * });
       * ```
       */
      /**
       * A `TIME` data type represents a time, independent of a specific date.
       *
       * @param {object|string} value The time. If a string, this should be in the
       *     format the API describes: `[H]H:[M]M:[S]S[.DDDDDD]`. Otherwise, provide
       *     an object.
       * @param {string|number} [value.hours] One or two digits (`00` - `23`).
       * @param {string|number} [value.minutes] One or two digits (`00` - `59`).
       * @param {string|number} [value.seconds] One or two digits (`00` - `59`).
       * @param {string|number} [value.fractional] Up to six digits for microsecond
       *     precision.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const time = bigquery.time('14:00:00'); // 2:00 PM
       *
       * //-
       * // Alternatively, provide an object.
       * //-
       * const time = bigquery.time({
       *   hours: 14,
       *   minutes: 0,
       *   seconds: 0
       * });
       * ```
       */
      static time(value) {
        return new BigQueryTime(value);
      }
      time(value) {
        return _BigQuery.time(value);
      }
      /**
       * A timestamp represents an absolute point in time, independent of any time
       * zone or convention such as Daylight Savings Time.
       *
       * The recommended input here is a `Date` or `PreciseDate` class.
       * If passing as a `string`, it should be Timestamp literals: https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#timestamp_literals.
       * When passing a `number` input, it should be epoch seconds in float representation.
       *
       * @method BigQuery.timestamp
       * @param {Date|string} value The time.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const timestamp = BigQuery.timestamp(new Date());
       * ```
       */
      static timestamp(value) {
        return new BigQueryTimestamp(value);
      }
      /**
       * A timestamp represents an absolute point in time, independent of any time
       * zone or convention such as Daylight Savings Time.
       *
       * The recommended input here is a `Date` or `PreciseDate` class.
       * If passing as a `string`, it should be Timestamp literals: https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#timestamp_literals.
       * When passing a `number` input, it should be epoch seconds in float representation.
       *
       * @param {Date|string|string|number} value The time.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const timestamp = bigquery.timestamp(new Date());
       * ```
       */
      timestamp(value) {
        return _BigQuery.timestamp(value);
      }
      /**
       * A range represents contiguous range between two dates, datetimes, or timestamps.
       * The lower and upper bound for the range are optional.
       * The lower bound is inclusive and the upper bound is exclusive.
       *
       * @method BigQuery.range
       * @param {string|BigQueryRangeOptions} value The range API string or start/end with dates/datetimes/timestamp ranges.
       * @param {string} elementType The range element type - DATE|DATETIME|TIMESTAMP
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const timestampRange = BigQuery.range('[2020-10-01 12:00:00+08, 2020-12-31 12:00:00+08)', 'TIMESTAMP');
       * ```
       */
      static range(value, elementType) {
        return new BigQueryRange(value, elementType);
      }
      /**
       * A range represents contiguous range between two dates, datetimes, or timestamps.
       * The lower and upper bound for the range are optional.
       * The lower bound is inclusive and the upper bound is exclusive.
       *
       * @param {string|BigQueryRangeOptions} value The range API string or start/end with dates/datetimes/timestamp ranges.
       * @param {string} elementType The range element type - DATE|DATETIME|TIMESTAMP
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const timestampRange = bigquery.range('[2020-10-01 12:00:00+08, 2020-12-31 12:00:00+08)', 'TIMESTAMP');
       * ```
       */
      range(value, elementType) {
        return _BigQuery.range(value, elementType);
      }
      /**
       * A BigQueryInt wraps 'INT64' values. Can be used to maintain precision.
       *
       * @param {string|number|IntegerTypeCastValue} value The INT64 value to convert.
       * @param {IntegerTypeCastOptions} typeCastOptions Configuration to convert
       *     value. Must provide an `integerTypeCastFunction` to handle conversion.
       * @returns {BigQueryInt}
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       *
       * const largeIntegerValue = Number.MAX_SAFE_INTEGER + 1;
       *
       * const options = {
       *   integerTypeCastFunction: value => value.split(),
       * };
       *
       * const bqInteger = bigquery.int(largeIntegerValue, options);
       *
       * const customValue = bqInteger.valueOf();
       * // customValue is the value returned from your `integerTypeCastFunction`.
       * ```
       */
      static int(value, typeCastOptions) {
        return new BigQueryInt(value, typeCastOptions);
      }
      int(value, typeCastOptions) {
        return _BigQuery.int(value, typeCastOptions);
      }
      /**
       * A geography value represents a surface area on the Earth
       * in Well-known Text (WKT) format.
       *
       * @param {string} value The geospatial data.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const geography = bigquery.geography('POINT(1, 2)');
       * ```
       */
      static geography(value) {
        return new Geography(value);
      }
      geography(value) {
        return _BigQuery.geography(value);
      }
      /**
       * Convert an INT64 value to Number.
       *
       * @private
       * @param {object} value The INT64 value to convert.
       */
      static decodeIntegerValue_(value) {
        const num = Number(value.integerValue);
        if (!Number.isSafeInteger(num)) {
          throw new Error("We attempted to return all of the numeric values, but " + (value.schemaFieldName ? value.schemaFieldName + " " : "") + "value " + value.integerValue + " is out of bounds of 'Number.MAX_SAFE_INTEGER'.\nTo prevent this error, please consider passing 'options.wrapIntegers' as\n{\n  integerTypeCastFunction: provide <your_custom_function>\n  fields: optionally specify field name(s) to be custom casted\n}\n");
        }
        return num;
      }
      /**
       * Return a value's provided type.
       *
       * @private
       *
       * @throws {error} If the type provided is invalid.
       *
       * See {@link https://cloud.google.com/bigquery/data-types| Data Type}
       *
       * @param {*} providedType The type.
       * @returns {string} The valid type provided.
       */
      static getTypeDescriptorFromProvidedType_(providedType) {
        const VALID_TYPES = [
          "DATE",
          "DATETIME",
          "TIME",
          "TIMESTAMP",
          "BYTES",
          "NUMERIC",
          "DECIMAL",
          "BIGNUMERIC",
          "BIGDECIMAL",
          "BOOL",
          "INT64",
          "INT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "TINYINT",
          "BYTEINT",
          "FLOAT64",
          "FLOAT",
          "STRING",
          "GEOGRAPHY",
          "ARRAY",
          "STRUCT",
          "JSON",
          "RANGE"
        ];
        if ((0, util_1.isArray)(providedType)) {
          providedType = providedType;
          return {
            type: "ARRAY",
            arrayType: _BigQuery.getTypeDescriptorFromProvidedType_(providedType[0])
          };
        } else if ((0, util_1.isObject)(providedType)) {
          return {
            type: "STRUCT",
            structTypes: Object.keys(providedType).map((prop) => {
              return {
                name: prop,
                type: _BigQuery.getTypeDescriptorFromProvidedType_(providedType[prop])
              };
            })
          };
        } else if (providedType.toUpperCase() === "TIMESTAMP(12)") {
          if (process.env.BIGQUERY_PICOSECOND_SUPPORT === "true") {
            return {
              type: "TIMESTAMP",
              timestampPrecision: "12"
            };
          }
        }
        providedType = providedType.toUpperCase();
        if (!VALID_TYPES.includes(providedType)) {
          throw new Error(`Invalid type provided: "${providedType}"`);
        }
        return { type: providedType.toUpperCase() };
      }
      /**
       * Detect a value's type.
       *
       * @private
       *
       * @throws {error} If the type could not be detected.
       *
       * See {@link https://cloud.google.com/bigquery/data-types| Data Type}
       *
       * @param {*} value The value.
       * @returns {string} The type detected from the value.
       */
      static getTypeDescriptorFromValue_(value) {
        let typeName;
        if (value === null) {
          throw new Error("Parameter types must be provided for null values via the 'types' field in query options.");
        }
        if (value instanceof BigQueryDate) {
          typeName = "DATE";
        } else if (value instanceof BigQueryDatetime) {
          typeName = "DATETIME";
        } else if (value instanceof BigQueryTime) {
          typeName = "TIME";
        } else if (value instanceof BigQueryTimestamp) {
          typeName = "TIMESTAMP";
        } else if (value instanceof Buffer) {
          typeName = "BYTES";
        } else if (value instanceof Big) {
          if (value.c.length - value.e >= 10) {
            typeName = "BIGNUMERIC";
          } else {
            typeName = "NUMERIC";
          }
        } else if (value instanceof BigQueryInt) {
          typeName = "INT64";
        } else if (value instanceof Geography) {
          typeName = "GEOGRAPHY";
        } else if (value instanceof BigQueryRange) {
          return {
            type: "RANGE",
            rangeElementType: {
              type: value.elementType
            }
          };
        } else if ((0, util_1.isArray)(value)) {
          if (value.length === 0) {
            throw new Error("Parameter types must be provided for empty arrays via the 'types' field in query options.");
          }
          return {
            type: "ARRAY",
            arrayType: _BigQuery.getTypeDescriptorFromValue_(value[0])
          };
        } else if ((0, util_1.isBoolean)(value)) {
          typeName = "BOOL";
        } else if ((0, util_1.isNumber)(value)) {
          typeName = value % 1 === 0 ? "INT64" : "FLOAT64";
        } else if ((0, util_1.isObject)(value)) {
          return {
            type: "STRUCT",
            structTypes: Object.keys(value).map((prop) => {
              return {
                name: prop,
                // eslint-disable-next-line @typescript-eslint/no-explicit-any
                type: _BigQuery.getTypeDescriptorFromValue_(value[prop])
              };
            })
          };
        } else if ((0, util_1.isString)(value)) {
          typeName = "STRING";
        }
        if (!typeName) {
          throw new Error([
            "This value could not be translated to a BigQuery data type.",
            value
          ].join("\n"));
        }
        return {
          type: typeName
        };
      }
      /**
       * Convert a value into a `queryParameter` object.
       *
       * @private
       *
       * See {@link https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query#request-body| Jobs.query API Reference Docs (see `queryParameters`)}
       *
       * @param {*} value The value.
       * @param {string|ProvidedTypeStruct|ProvidedTypeArray} providedType Provided
       *     query parameter type.
       * @returns {object} A properly-formed `queryParameter` object.
       */
      static valueToQueryParameter_(value, providedType) {
        if ((0, util_1.isDate)(value)) {
          value = _BigQuery.timestamp(value);
        }
        let parameterType;
        if (providedType) {
          parameterType = _BigQuery.getTypeDescriptorFromProvidedType_(providedType);
        } else {
          parameterType = _BigQuery.getTypeDescriptorFromValue_(value);
        }
        const queryParameter = { parameterType, parameterValue: {} };
        const typeName = queryParameter.parameterType.type;
        if (typeName === "ARRAY") {
          queryParameter.parameterValue.arrayValues = value.map((itemValue) => {
            const value2 = _BigQuery._getValue(itemValue, parameterType.arrayType);
            if ((0, util_1.isObject)(value2) || (0, util_1.isArray)(value2)) {
              if ((0, util_1.isArray)(providedType)) {
                providedType = providedType;
                return _BigQuery.valueToQueryParameter_(value2, providedType[0]).parameterValue;
              } else {
                return _BigQuery.valueToQueryParameter_(value2).parameterValue;
              }
            }
            return { value: value2 };
          });
        } else if (typeName === "STRUCT") {
          queryParameter.parameterValue.structValues = Object.keys(value).reduce((structValues, prop) => {
            let nestedQueryParameter;
            if (providedType) {
              nestedQueryParameter = _BigQuery.valueToQueryParameter_(value[prop], providedType[prop]);
            } else {
              nestedQueryParameter = _BigQuery.valueToQueryParameter_(value[prop]);
            }
            structValues[prop] = nestedQueryParameter.parameterValue;
            return structValues;
          }, {});
        } else if (typeName === "RANGE") {
          let rangeValue;
          if (value instanceof BigQueryRange) {
            rangeValue = value;
          } else {
            rangeValue = _BigQuery.range(value, queryParameter.parameterType?.rangeElementType?.type);
          }
          queryParameter.parameterValue.rangeValue = {
            start: {
              value: rangeValue.value.start
            },
            end: {
              value: rangeValue.value.end
            }
          };
        } else if (typeName === "JSON" && (0, util_1.isObject)(value)) {
          queryParameter.parameterValue.value = JSON.stringify(value);
        } else {
          queryParameter.parameterValue.value = _BigQuery._getValue(value, parameterType);
        }
        return queryParameter;
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      static _getValue(value, type) {
        if (value === null) {
          return null;
        }
        if (value.type)
          type = value;
        return _BigQuery._isCustomType(type) ? value.value : value;
      }
      static _isCustomType({ type }) {
        return type.indexOf("TIME") > -1 || type.indexOf("DATE") > -1 || type.indexOf("GEOGRAPHY") > -1 || type.indexOf("RANGE") > -1 || type.indexOf("BigQueryInt") > -1;
      }
      createDataset(id, optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        const reqOpts = {
          method: "POST",
          uri: "/datasets",
          json: extend(true, {
            location: this.location
          }, options, {
            datasetReference: {
              datasetId: id
            }
          })
        };
        if (options.projectId) {
          reqOpts.projectId = options.projectId;
        }
        this.request(reqOpts, (err, resp) => {
          if (err) {
            callback(err, null, resp);
            return;
          }
          const dataset = this.dataset(id, options);
          dataset.metadata = resp;
          callback(null, dataset, resp);
        });
      }
      createQueryJob(opts, callback) {
        const options = typeof opts === "object" ? opts : { query: opts };
        this.trace_("[createQueryJob]", options, callback);
        if ((!options || !options.query) && !options.pageToken) {
          throw new Error("A SQL query string is required.");
        }
        const query = extend(true, {
          useLegacySql: false
        }, options);
        this.trace_("[createQueryJob]", query);
        if (options.destination) {
          if (!(options.destination instanceof table_1.Table)) {
            throw new Error("Destination must be a Table object.");
          }
          query.destinationTable = {
            datasetId: options.destination.dataset.id,
            projectId: options.destination.dataset.projectId,
            tableId: options.destination.id
          };
          delete query.destination;
        }
        if (query.params) {
          const { parameterMode, params } = this.buildQueryParams_(query.params, query.types);
          query.parameterMode = parameterMode;
          query.queryParameters = params;
          delete query.params;
        }
        const reqOpts = {};
        reqOpts.configuration = {
          query
        };
        if (typeof query.jobTimeoutMs === "number") {
          reqOpts.configuration.jobTimeoutMs = query.jobTimeoutMs.toString();
          delete query.jobTimeoutMs;
        }
        if (query.dryRun) {
          reqOpts.configuration.dryRun = query.dryRun;
          delete query.dryRun;
        }
        if (query.labels) {
          reqOpts.configuration.labels = query.labels;
          delete query.labels;
        }
        if (query.jobPrefix) {
          reqOpts.jobPrefix = query.jobPrefix;
          delete query.jobPrefix;
        }
        if (query.location) {
          reqOpts.location = query.location;
          delete query.location;
        }
        if (query.jobId) {
          reqOpts.jobId = query.jobId;
          delete query.jobId;
        }
        if (query.reservation) {
          reqOpts.configuration.reservation = query.reservation;
          delete query.reservation;
        }
        this.createJob(reqOpts, callback);
      }
      buildQueryParams_(params, types) {
        if (!params) {
          return {
            parameterMode: void 0,
            params: void 0
          };
        }
        const parameterMode = (0, util_1.isArray)(params) ? "positional" : "named";
        const queryParameters = [];
        if (parameterMode === "named") {
          const namedParams = params;
          for (const namedParameter of Object.getOwnPropertyNames(namedParams)) {
            const value = namedParams[namedParameter];
            let queryParameter;
            if (types) {
              if (!(0, util_1.isObject)(types)) {
                throw new Error("Provided types must match the value type passed to `params`");
              }
              const namedTypes = types;
              if (namedTypes[namedParameter]) {
                queryParameter = _BigQuery.valueToQueryParameter_(value, namedTypes[namedParameter]);
              } else {
                queryParameter = _BigQuery.valueToQueryParameter_(value);
              }
            } else {
              queryParameter = _BigQuery.valueToQueryParameter_(value);
            }
            queryParameter.name = namedParameter;
            queryParameters.push(queryParameter);
          }
        } else {
          if (types) {
            if (!(0, util_1.isArray)(types)) {
              throw new Error("Provided types must match the value type passed to `params`");
            }
            const positionalTypes = types;
            if (params.length !== types.length) {
              throw new Error("Incorrect number of parameter types provided.");
            }
            params.forEach((value, i) => {
              const queryParameter = _BigQuery.valueToQueryParameter_(value, positionalTypes[i]);
              queryParameters.push(queryParameter);
            });
          } else {
            params.forEach((value) => {
              const queryParameter = _BigQuery.valueToQueryParameter_(value);
              queryParameters.push(queryParameter);
            });
          }
        }
        return {
          parameterMode,
          params: queryParameters
        };
      }
      createJob(options, callback) {
        const JOB_ID_PROVIDED = typeof options.jobId !== "undefined";
        const DRY_RUN = options.configuration?.dryRun ? options.configuration.dryRun : false;
        const reqOpts = Object.assign({}, options);
        let jobId = JOB_ID_PROVIDED ? reqOpts.jobId : (0, crypto_1.randomUUID)();
        if (reqOpts.jobId) {
          delete reqOpts.jobId;
        }
        if (reqOpts.jobPrefix) {
          jobId = reqOpts.jobPrefix + jobId;
          delete reqOpts.jobPrefix;
        }
        reqOpts.jobReference = {
          projectId: this.projectId,
          jobId,
          location: this.location
        };
        if (reqOpts.location) {
          reqOpts.jobReference.location = reqOpts.location;
          delete reqOpts.location;
        }
        if (reqOpts.configuration && reqOpts.reservation) {
          reqOpts.configuration.reservation = reqOpts.reservation;
          delete reqOpts.reservation;
        }
        const job = this.job(jobId, {
          location: reqOpts.jobReference.location
        });
        this.request({
          method: "POST",
          uri: "/jobs",
          json: reqOpts
        }, async (err, resp) => {
          const ALREADY_EXISTS_CODE = 409;
          if (err) {
            if (err.code === ALREADY_EXISTS_CODE && !JOB_ID_PROVIDED && !DRY_RUN) {
              err = null;
              [resp] = await job.getMetadata();
            } else {
              callback(err, null, resp);
              return;
            }
          }
          if (resp.status.errors) {
            err = new common_1.util.ApiError({
              errors: resp.status.errors,
              response: resp
            });
          }
          job.location = resp.jobReference.location;
          job.metadata = resp;
          callback(err, job, resp);
        });
      }
      /**
       * Create a reference to a dataset.
       *
       * @param {string} id ID of the dataset.
       * @param {object} [options] Dataset options.
       * @param {string} [options.projectId] The GCP project ID.
       * @param {string} [options.location] The geographic location of the dataset.
       *      Required except for US and EU.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       * const dataset = bigquery.dataset('higher_education');
       * ```
       */
      dataset(id, options) {
        if (typeof id !== "string") {
          throw new TypeError("A dataset ID is required.");
        }
        if (this.location) {
          options = extend({ location: this.location }, options);
        }
        return new dataset_1.Dataset(this, id, options);
      }
      getDatasets(optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        const reqOpts = {
          uri: "/datasets",
          qs: options
        };
        if (options.projectId) {
          reqOpts.projectId = options.projectId;
        }
        this.request(reqOpts, (err, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          let nextQuery = null;
          if (resp.nextPageToken) {
            nextQuery = Object.assign({}, options, {
              pageToken: resp.nextPageToken
            });
          }
          const datasets = (resp.datasets || []).map((dataset) => {
            const dsOpts = {
              location: dataset.location
            };
            if (options.projectId) {
              dsOpts.projectId = options.projectId;
            }
            const ds = this.dataset(dataset.datasetReference.datasetId, dsOpts);
            ds.metadata = dataset;
            return ds;
          });
          callback(null, datasets, nextQuery, resp);
        });
      }
      getJobs(optionsOrCallback, cb) {
        const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        this.request({
          uri: "/jobs",
          qs: options,
          useQuerystring: true
        }, (err, resp) => {
          if (err) {
            callback(err, null, null, resp);
            return;
          }
          let nextQuery = null;
          if (resp.nextPageToken) {
            nextQuery = Object.assign({}, options, {
              pageToken: resp.nextPageToken
            });
          }
          const jobs = (resp.jobs || []).map((jobObject) => {
            const job = this.job(jobObject.jobReference.jobId, {
              location: jobObject.jobReference.location
            });
            job.metadata = jobObject;
            return job;
          });
          callback(null, jobs, nextQuery, resp);
        });
      }
      /**
       * Create a reference to an existing job.
       *
       * @param {string} id ID of the job.
       * @param {object} [options] Configuration object.
       * @param {string} [options.location] The geographic location of the job.
       *      Required except for US and EU.
       *
       * @example
       * ```
       * const {BigQuery} = require('@google-cloud/bigquery');
       * const bigquery = new BigQuery();
       *
       * const myExistingJob = bigquery.job('job-id');
       * ```
       */
      job(id, options) {
        if (this.location) {
          options = extend({ location: this.location }, options);
        }
        return new job_1.Job(this, id, options);
      }
      query(query, optionsOrCallback, cb) {
        let options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
        const queryOpts = typeof query === "object" ? {
          wrapIntegers: query.wrapIntegers,
          parseJSON: query.parseJSON,
          skipParsing: query.skipParsing
        } : {};
        const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : cb;
        this.trace_("[query]", query, options);
        const queryReq = this.buildQueryRequest_(query, options);
        this.trace_("[query] queryReq", queryReq);
        if (!queryReq) {
          this.createQueryJob(query, (err, job, resp) => {
            if (err) {
              callback(err, null, resp);
              return;
            }
            if (typeof query === "object" && query.dryRun) {
              callback(null, [], resp);
              return;
            }
            options = extend({ job }, queryOpts, options);
            job.getQueryResults(options, callback);
          });
          return;
        }
        void this.runJobsQuery(queryReq, (err, job, res) => {
          this.trace_("[runJobsQuery callback]: ", query, err, job, res);
          if (err) {
            callback(err, null, job);
            return;
          }
          options = extend({ job }, queryOpts, options);
          if (res && res.jobComplete) {
            let rows = [];
            if (res.schema && res.rows) {
              try {
                const listParams = {
                  "formatOptions.timestampOutputFormat": queryReq.formatOptions?.timestampOutputFormat,
                  "formatOptions.useInt64Timestamp": queryReq.formatOptions?.useInt64Timestamp
                };
                if (options.skipParsing) {
                  rows = res.rows;
                } else {
                  rows = _BigQuery.mergeSchemaWithRows_(res.schema, res.rows, {
                    wrapIntegers: options.wrapIntegers || false,
                    parseJSON: options.parseJSON,
                    listParams
                  });
                  delete res.rows;
                }
              } catch (e) {
                callback(e, null, job);
                return;
              }
            }
            this.trace_("[runJobsQuery] job complete");
            options._cachedRows = rows;
            options._cachedResponse = res;
            if (res.pageToken) {
              this.trace_("[runJobsQuery] has more pages");
              options.pageToken = res.pageToken;
            } else {
              this.trace_("[runJobsQuery] no more pages");
            }
            job.getQueryResults(options, callback);
            return;
          }
          if (queryReq.timeoutMs) {
            const err2 = new Error(`The query did not complete before ${queryReq.timeoutMs}ms`);
            callback(err2, null, job);
            return;
          }
          delete options.timeoutMs;
          this.trace_("[runJobsQuery] job not complete");
          job.getQueryResults(options, callback);
        });
      }
      /**
       * Check if the given Query can run using the `jobs.query` endpoint.
       * Returns a bigquery.IQueryRequest that can be used to call `jobs.query`.
       * Return undefined if is not possible to convert to a bigquery.IQueryRequest.
       *
       * @param query string | Query
       * @param options QueryOptions
       * @returns bigquery.IQueryRequest | undefined
       */
      buildQueryRequest_(query, options) {
        if (process.env.FAST_QUERY_PATH === "DISABLED") {
          return void 0;
        }
        const queryObj = typeof query === "string" ? {
          query
        } : query;
        this.trace_("[buildQueryRequest]", query, options, queryObj);
        if (!!queryObj.destination || !!queryObj.tableDefinitions || !!queryObj.createDisposition || !!queryObj.writeDisposition || !!queryObj.priority && queryObj.priority !== "INTERACTIVE" || queryObj.useLegacySql || !!queryObj.maximumBillingTier || !!queryObj.timePartitioning || !!queryObj.rangePartitioning || !!queryObj.clustering || !!queryObj.destinationEncryptionConfiguration || !!queryObj.schemaUpdateOptions || !!queryObj.jobTimeoutMs || // User has defined the jobID generation behavior
        !!queryObj.jobId) {
          return void 0;
        }
        if (queryObj.dryRun) {
          return void 0;
        }
        if (options.job) {
          return void 0;
        }
        const hasAnyFormatOpts = options["formatOptions.timestampOutputFormat"] !== void 0 || options["formatOptions.useInt64Timestamp"] !== void 0;
        let defaultOpts = hasAnyFormatOpts ? {} : {
          useInt64Timestamp: true
        };
        if (process.env.BIGQUERY_PICOSECOND_SUPPORT === "true") {
          defaultOpts = hasAnyFormatOpts ? {} : {
            timestampOutputFormat: "ISO8601_STRING"
          };
        }
        const formatOptions = extend(defaultOpts, {
          timestampOutputFormat: options["formatOptions.timestampOutputFormat"],
          useInt64Timestamp: options["formatOptions.useInt64Timestamp"]
        });
        const req = {
          useQueryCache: queryObj.useQueryCache,
          labels: queryObj.labels,
          defaultDataset: queryObj.defaultDataset,
          createSession: queryObj.createSession,
          maximumBytesBilled: queryObj.maximumBytesBilled,
          timeoutMs: options.timeoutMs,
          location: queryObj.location || options.location,
          formatOptions,
          maxResults: queryObj.maxResults || options.maxResults,
          query: queryObj.query,
          useLegacySql: false,
          requestId: (0, crypto_1.randomUUID)(),
          jobCreationMode: this._defaultJobCreationMode,
          reservation: queryObj.reservation,
          continuous: queryObj.continuous,
          destinationEncryptionConfiguration: queryObj.destinationEncryptionConfiguration,
          writeIncrementalResults: queryObj.writeIncrementalResults,
          connectionProperties: queryObj.connectionProperties,
          preserveNulls: queryObj.preserveNulls
        };
        if (queryObj.jobCreationMode) {
          req.jobCreationMode = queryObj.jobCreationMode;
        }
        const { parameterMode, params } = this.buildQueryParams_(queryObj.params, queryObj.types);
        if (params) {
          req.queryParameters = params;
        }
        if (parameterMode) {
          req.parameterMode = parameterMode;
        }
        return req;
      }
      runJobsQuery(req, callback) {
        this.trace_("[runJobsQuery]", req, callback);
        this.request({
          method: "POST",
          uri: "/queries",
          json: req
        }, async (err, res) => {
          this.trace_("jobs.query res:", res, err);
          if (err) {
            callback(err, null, res);
            return;
          }
          let job = null;
          if (res.jobReference) {
            const jobRef = res.jobReference;
            job = this.job(jobRef.jobId, {
              location: jobRef.location
            });
          } else if (res.queryId) {
            job = this.job(res.queryId);
          }
          callback(null, job, res);
        });
      }
      /**
       * This method will be called by `createQueryStream()`. It is required to
       * properly set the `autoPaginate` option value.
       *
       * @private
       */
      queryAsStream_(query, callback) {
        if (query.job) {
          query.job.getQueryResults(query, callback);
          return;
        }
        const { location, maxResults, pageToken, wrapIntegers, parseJSON } = query;
        const opts = {
          location,
          maxResults,
          pageToken,
          wrapIntegers,
          parseJSON,
          autoPaginate: false
        };
        delete query.location;
        delete query.maxResults;
        delete query.pageToken;
        delete query.wrapIntegers;
        delete query.parseJSON;
        this.query(query, opts, callback);
      }
      static setLogFunction = logger_1.setLogFunction;
    };
    exports.BigQuery = BigQuery2;
    paginator_1.paginator.extend(BigQuery2, ["getDatasets", "getJobs"]);
    (0, promisify_1.promisifyAll)(BigQuery2, {
      exclude: [
        "dataset",
        "date",
        "datetime",
        "geography",
        "int",
        "job",
        "time",
        "timestamp",
        "range"
      ]
    });
    function convertSchemaFieldValue(schemaField, value, options) {
      if (value === null) {
        return value;
      }
      switch (schemaField.type) {
        case "BOOLEAN":
        case "BOOL": {
          value = value.toLowerCase() === "true";
          break;
        }
        case "BYTES": {
          value = Buffer.from(value, "base64");
          break;
        }
        case "FLOAT":
        case "FLOAT64": {
          value = Number(value);
          break;
        }
        case "INTEGER":
        case "INT64": {
          const { wrapIntegers } = options;
          value = wrapIntegers ? typeof wrapIntegers === "object" ? BigQuery2.int({ integerValue: value, schemaFieldName: schemaField.name }, wrapIntegers).valueOf() : BigQuery2.int(value) : Number(value);
          break;
        }
        case "NUMERIC": {
          value = new Big(value);
          break;
        }
        case "BIGNUMERIC": {
          value = new Big(value);
          break;
        }
        case "RECORD": {
          value = BigQuery2.mergeSchemaWithRows_(schemaField, value, options).pop();
          break;
        }
        case "DATE": {
          value = BigQuery2.date(value);
          break;
        }
        case "DATETIME": {
          value = BigQuery2.datetime(value);
          break;
        }
        case "TIME": {
          value = BigQuery2.time(value);
          break;
        }
        case "TIMESTAMP": {
          const listParams = options.listParams;
          const timestampOutputFormat = listParams?.["formatOptions.timestampOutputFormat"];
          const useInt64Timestamp = listParams?.["formatOptions.useInt64Timestamp"];
          if (timestampOutputFormat === "ISO8601_STRING") {
            value = BigQuery2.timestamp(value);
          } else if (useInt64Timestamp !== true && timestampOutputFormat !== "INT64" && (useInt64Timestamp !== void 0 || timestampOutputFormat !== void 0)) {
            value = BigQuery2.timestamp(Number(value));
          } else {
            const pd = new precise_date_1.PreciseDate();
            pd.setFullTime(precise_date_1.PreciseDate.parseFull(BigInt(value) * BigInt(1e3)));
            value = BigQuery2.timestamp(pd);
          }
          break;
        }
        case "GEOGRAPHY": {
          value = BigQuery2.geography(value);
          break;
        }
        case "JSON": {
          const { parseJSON } = options;
          value = parseJSON ? JSON.parse(value) : value;
          break;
        }
        case "RANGE": {
          value = BigQueryRange.fromSchemaValue_(value, schemaField.rangeElementType.type, options.listParams);
          break;
        }
        default:
          break;
      }
      return value;
    }
    var BigQueryRange = class _BigQueryRange {
      elementType;
      start;
      end;
      constructor(value, elementType) {
        if (typeof value === "string") {
          if (!elementType) {
            throw new Error("invalid RANGE. Element type required when using RANGE API string.");
          }
          const [start, end] = _BigQueryRange.fromStringValue_(value);
          this.start = this.convertElement_(start, elementType);
          this.end = this.convertElement_(end, elementType);
          this.elementType = elementType;
        } else {
          const { start, end } = value;
          if (start && end) {
            if (typeof start !== typeof end) {
              throw Error("upper and lower bound on a RANGE should be of the same type.");
            }
          }
          const inferredType = {
            BigQueryDate: "DATE",
            BigQueryDatetime: "DATETIME",
            BigQueryTimestamp: "TIMESTAMP"
          }[(start || end || Object).constructor.name] || elementType;
          this.start = this.convertElement_(start, inferredType);
          this.end = this.convertElement_(end, inferredType);
          this.elementType = inferredType;
        }
      }
      /*
       * Get Range string representation used by the BigQuery API.
       */
      get apiValue() {
        return `[${this.start ? this.start.value : "UNBOUNDED"}, ${this.end ? this.end.value : "UNBOUNDED"})`;
      }
      /*
       * Get Range literal representation accordingly to
       * https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#range_literals
       */
      get literalValue() {
        return `RANGE<${this.elementType}> ${this.apiValue}`;
      }
      get value() {
        return {
          start: this.start ? this.start.value : "UNBOUNDED",
          end: this.end ? this.end.value : "UNBOUNDED"
        };
      }
      /**
       * This method returns start and end values for RANGE typed values returned from
       * the server. It decodes the server RANGE value into start and end values so
       * they can be used to construct a BigQueryRange.
       * @private
       * @param {string} value The range value.
       * @returns {string[]} The start and end of the range.
       */
      static fromStringValue_(value) {
        let cleanedValue = value;
        if (cleanedValue.startsWith("[") || cleanedValue.startsWith("(")) {
          cleanedValue = cleanedValue.substring(1);
        }
        if (cleanedValue.endsWith(")") || cleanedValue.endsWith("]")) {
          cleanedValue = cleanedValue.substring(0, cleanedValue.length - 1);
        }
        const parts = cleanedValue.split(",");
        if (parts.length !== 2) {
          throw new Error("invalid RANGE. See RANGE literal format docs for more information.");
        }
        const [start, end] = parts.map((s) => s.trim());
        return [start, end];
      }
      /**
       * This method is only used by convertSchemaFieldValue and only when range
       * values are passed into convertSchemaFieldValue. It produces a value that is
       * delivered to the user for read calls and it needs to pass along listParams
       * to ensure TIMESTAMP types are converted properly.
       * @private
       * @param {string} value The range value.
       * @param {string} elementType The element type.
       * @param {bigquery.tabledata.IListParams | bigquery.jobs.IGetQueryResultsParams} [listParams] The list parameters.
       * @returns {BigQueryRange}
       */
      static fromSchemaValue_(value, elementType, listParams) {
        const [start, end] = _BigQueryRange.fromStringValue_(value);
        const convertRangeSchemaValue = (value2) => {
          if (value2 === "UNBOUNDED" || value2 === "NULL") {
            return null;
          }
          return convertSchemaFieldValue({ type: elementType }, value2, {
            wrapIntegers: false,
            listParams
          });
        };
        return BigQuery2.range({
          start: convertRangeSchemaValue(start),
          end: convertRangeSchemaValue(end)
        }, elementType);
      }
      convertElement_(value, elementType) {
        if (typeof value === "string") {
          if (value === "UNBOUNDED" || value === "NULL") {
            return void 0;
          }
          switch (elementType) {
            case "DATE":
              return new BigQueryDate(value);
            case "DATETIME":
              return new BigQueryDatetime(value);
            case "TIMESTAMP":
              return new BigQueryTimestamp(value);
          }
          return void 0;
        }
        return value;
      }
    };
    exports.BigQueryRange = BigQueryRange;
    var BigQueryDate = class {
      value;
      constructor(value) {
        if (typeof value === "object") {
          value = BigQuery2.datetime(value).value;
        }
        this.value = value;
      }
    };
    exports.BigQueryDate = BigQueryDate;
    var Geography = class {
      value;
      constructor(value) {
        this.value = value;
      }
    };
    exports.Geography = Geography;
    var BigQueryTimestamp = class {
      value;
      constructor(value) {
        let pd;
        if (value instanceof precise_date_1.PreciseDate) {
          pd = value;
        } else if (value instanceof Date) {
          pd = new precise_date_1.PreciseDate(value);
        } else if (typeof value === "string") {
          if (/^\d{4}-\d{1,2}-\d{1,2}/.test(value)) {
            pd = new precise_date_1.PreciseDate(value);
            if (value.match(/\.\d{10,}/) && !Number.isNaN(pd.getTime())) {
              this.value = value;
              return;
            }
          } else {
            const floatValue = Number.parseFloat(value);
            if (!Number.isNaN(floatValue)) {
              pd = this.fromFloatValue_(floatValue);
            } else {
              pd = new precise_date_1.PreciseDate(value);
            }
          }
        } else {
          pd = this.fromFloatValue_(value);
        }
        if (pd.getMicroseconds() > 0) {
          this.value = pd.toISOString();
        } else {
          this.value = new Date(pd.getTime()).toJSON();
        }
      }
      fromFloatValue_(value) {
        const secs = Math.trunc(value);
        const micros = Math.trunc((value - secs) * 1e6 + 0.5);
        const pd = new precise_date_1.PreciseDate([secs, micros * 1e3]);
        return pd;
      }
    };
    exports.BigQueryTimestamp = BigQueryTimestamp;
    var BigQueryDatetime = class {
      value;
      constructor(value) {
        if (typeof value === "object") {
          let time;
          if (value.hours) {
            time = BigQuery2.time(value).value;
          }
          const y = value.year;
          const m = value.month;
          const d = value.day;
          time = time ? " " + time : "";
          value = `${y}-${m}-${d}${time}`;
        } else {
          value = value.replace(/^(.*)T(.*)Z$/, "$1 $2");
        }
        this.value = value;
      }
    };
    exports.BigQueryDatetime = BigQueryDatetime;
    var BigQueryTime = class {
      value;
      constructor(value) {
        if (typeof value === "object") {
          const h = value.hours;
          const m = value.minutes || 0;
          const s = value.seconds || 0;
          const f = value.fractional !== void 0 ? "." + value.fractional : "";
          value = `${h}:${m}:${s}${f}`;
        }
        this.value = value;
      }
    };
    exports.BigQueryTime = BigQueryTime;
    var BigQueryInt = class extends Number {
      type;
      value;
      typeCastFunction;
      _schemaFieldName;
      constructor(value, typeCastOptions) {
        super(typeof value === "object" ? value.integerValue : value);
        this._schemaFieldName = typeof value === "object" ? value.schemaFieldName : void 0;
        this.value = typeof value === "object" ? value.integerValue.toString() : value.toString();
        this.type = "BigQueryInt";
        if (typeCastOptions) {
          if (typeof typeCastOptions.integerTypeCastFunction !== "function") {
            throw new Error("integerTypeCastFunction is not a function or was not provided.");
          }
          const typeCastFields = typeCastOptions.fields ? (0, util_1.toArray)(typeCastOptions.fields) : void 0;
          let customCast = true;
          if (typeCastFields) {
            customCast = this._schemaFieldName ? typeCastFields.includes(this._schemaFieldName) ? true : false : false;
          }
          customCast && (this.typeCastFunction = typeCastOptions.integerTypeCastFunction);
        }
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      valueOf() {
        const shouldCustomCast = this.typeCastFunction ? true : false;
        if (shouldCustomCast) {
          try {
            return this.typeCastFunction(this.value);
          } catch (error) {
            if (error instanceof Error) {
              error.message = `integerTypeCastFunction threw an error:

  - ${error.message}`;
            }
            throw error;
          }
        } else {
          return BigQuery2.decodeIntegerValue_({
            integerValue: this.value,
            schemaFieldName: this._schemaFieldName
          });
        }
      }
      toJSON() {
        return { type: this.type, value: this.value };
      }
    };
    exports.BigQueryInt = BigQueryInt;
  }
});

// node_modules/@google-cloud/bigquery/build/src/index.js
var require_src10 = __commonJS({
  "node_modules/@google-cloud/bigquery/build/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Table = exports.RowQueue = exports.RowBatch = exports.Routine = exports.Model = exports.Job = exports.Dataset = exports.PROTOCOL_REGEX = exports.Geography = exports.common = exports.BigQueryTimestamp = exports.BigQueryTime = exports.BigQueryInt = exports.BigQueryDatetime = exports.BigQueryDate = exports.BigQuery = void 0;
    var bigquery_1 = require_bigquery();
    Object.defineProperty(exports, "BigQuery", { enumerable: true, get: function() {
      return bigquery_1.BigQuery;
    } });
    Object.defineProperty(exports, "BigQueryDate", { enumerable: true, get: function() {
      return bigquery_1.BigQueryDate;
    } });
    Object.defineProperty(exports, "BigQueryDatetime", { enumerable: true, get: function() {
      return bigquery_1.BigQueryDatetime;
    } });
    Object.defineProperty(exports, "BigQueryInt", { enumerable: true, get: function() {
      return bigquery_1.BigQueryInt;
    } });
    Object.defineProperty(exports, "BigQueryTime", { enumerable: true, get: function() {
      return bigquery_1.BigQueryTime;
    } });
    Object.defineProperty(exports, "BigQueryTimestamp", { enumerable: true, get: function() {
      return bigquery_1.BigQueryTimestamp;
    } });
    Object.defineProperty(exports, "common", { enumerable: true, get: function() {
      return bigquery_1.common;
    } });
    Object.defineProperty(exports, "Geography", { enumerable: true, get: function() {
      return bigquery_1.Geography;
    } });
    Object.defineProperty(exports, "PROTOCOL_REGEX", { enumerable: true, get: function() {
      return bigquery_1.PROTOCOL_REGEX;
    } });
    var dataset_1 = require_dataset();
    Object.defineProperty(exports, "Dataset", { enumerable: true, get: function() {
      return dataset_1.Dataset;
    } });
    var job_1 = require_job();
    Object.defineProperty(exports, "Job", { enumerable: true, get: function() {
      return job_1.Job;
    } });
    var model_1 = require_model();
    Object.defineProperty(exports, "Model", { enumerable: true, get: function() {
      return model_1.Model;
    } });
    var routine_1 = require_routine();
    Object.defineProperty(exports, "Routine", { enumerable: true, get: function() {
      return routine_1.Routine;
    } });
    var rowBatch_1 = require_rowBatch();
    Object.defineProperty(exports, "RowBatch", { enumerable: true, get: function() {
      return rowBatch_1.RowBatch;
    } });
    var rowQueue_1 = require_rowQueue();
    Object.defineProperty(exports, "RowQueue", { enumerable: true, get: function() {
      return rowQueue_1.RowQueue;
    } });
    var table_1 = require_table();
    Object.defineProperty(exports, "Table", { enumerable: true, get: function() {
      return table_1.Table;
    } });
  }
});

// src/cloud/bigquery.ts
var import_bigquery = __toESM(require_src10(), 1);
var import_google_auth_library = __toESM(require_src2(), 1);
function createBigQueryClient({
  env,
  projectId,
  location,
  timeoutMs
}) {
  const emulator = env.BIGQUERY_EMULATOR_HOST;
  const common = {
    ...projectId ? { projectId } : {},
    location,
    autoRetry: false,
    maxRetries: 0,
    timeout: timeoutMs
  };
  if (!emulator) return new import_bigquery.BigQuery(common);
  const target = parseHostPort(emulator, "BIGQUERY_EMULATOR_HOST");
  const endpoint = `${target.protocol}://${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  const client = new import_bigquery.BigQuery({ ...common, apiEndpoint: endpoint, authClient: new import_google_auth_library.PassThroughClient() });
  client.baseUrl = `${endpoint}/bigquery/v2`;
  return client;
}
function isNotFound(error) {
  return error?.code === 404 || error?.code === "NOT_FOUND";
}
function createBigQueryFace({
  client,
  location,
  timeoutMs,
  queryTimeoutMs,
  retry
}) {
  const context = (operation, signal, ms = timeoutMs) => ({
    service: "bigquery",
    operation,
    timeoutMs: ms,
    signal
  });
  const table = (ref) => client.dataset(ref.datasetId, { projectId: ref.projectId }).table(ref.tableId);
  async function getTable(ref, signal) {
    try {
      const [metadata] = await callWithRetry(
        context("tables.get", signal),
        retry,
        () => table(ref).getMetadata()
      );
      return toTableInfo(metadata);
    } catch (error) {
      if (isNotFound(error)) return void 0;
      throw error;
    }
  }
  async function createUnlessExists(operation, signal, create) {
    try {
      await callWithRetry(context(operation, signal), retry, create);
    } catch (error) {
      if (error.code !== "ALREADY_EXISTS") throw error;
    }
  }
  return {
    async getDataset(projectId, datasetId, signal) {
      try {
        const [metadata] = await callWithRetry(
          context("datasets.get", signal),
          retry,
          () => client.dataset(datasetId, { projectId }).getMetadata()
        );
        const datasetLocation = metadata.location;
        return typeof datasetLocation === "string" ? { location: datasetLocation } : {};
      } catch (error) {
        if (isNotFound(error)) return void 0;
        throw error;
      }
    },
    async createDataset(projectId, datasetId, datasetLocation, signal) {
      await createUnlessExists(
        "datasets.insert",
        signal,
        () => client.dataset(datasetId, { projectId }).create({ location: datasetLocation })
      );
    },
    getTable,
    async createTable(ref, definition, signal) {
      await createUnlessExists(
        "tables.insert",
        signal,
        () => client.dataset(ref.datasetId, { projectId: ref.projectId }).createTable(ref.tableId, toApiTable(definition))
      );
    },
    async patchTable(ref, patch, signal) {
      await callWithRetry(
        context("tables.patch", signal),
        retry,
        () => table(ref).setMetadata(toApiTable(patch))
      );
    },
    async partitionRows(ref, signal) {
      const query = `SELECT partition_id, total_rows FROM \`${ref.projectId}.${ref.datasetId}.INFORMATION_SCHEMA.PARTITIONS\` WHERE table_name = @t`;
      const [rows] = await callWithRetry(
        context("jobs.query", signal, queryTimeoutMs),
        retry,
        () => client.query({ query, params: { t: ref.tableId }, location, jobTimeoutMs: queryTimeoutMs })
      );
      const counts = /* @__PURE__ */ new Map();
      for (const row of rows) {
        if (row.partition_id == null) continue;
        counts.set(String(row.partition_id), Number(row.total_rows ?? 0));
      }
      return counts;
    },
    async tableRows(ref, signal) {
      const info = await getTable(ref, signal);
      return info?.numRows ?? 0;
    }
  };
}
function toApiTable(definition) {
  const out = {};
  if (definition.schema) out.schema = { fields: definition.schema };
  if (definition.timePartitioning) {
    const { type, field, expirationMs } = definition.timePartitioning;
    out.timePartitioning = { type, ...field ? { field } : {}, ...expirationMs ? { expirationMs } : {} };
  }
  if (definition.requirePartitionFilter !== void 0)
    out.requirePartitionFilter = definition.requirePartitionFilter;
  if (definition.description !== void 0) out.description = definition.description;
  if (definition.labels !== void 0) out.labels = definition.labels;
  return out;
}
function toTableInfo(metadata) {
  const schema = metadata.schema?.fields ?? [];
  const tp = metadata.timePartitioning;
  return {
    schema,
    timePartitioning: tp ? {
      type: tp.type ?? "DAY",
      field: tp.field || void 0,
      expirationMs: tp.expirationMs !== void 0 ? String(tp.expirationMs) : void 0
    } : void 0,
    requirePartitionFilter: metadata.requirePartitionFilter === true || metadata.timePartitioning?.requirePartitionFilter === true,
    description: typeof metadata.description === "string" ? metadata.description : void 0,
    labels: metadata.labels ?? void 0,
    numRows: metadata.numRows !== void 0 ? Number(metadata.numRows) : void 0
  };
}

export {
  require_src4 as require_src,
  require_retry_request,
  require_stream_events,
  require_inherits,
  require_once,
  require_end_of_stream2 as require_end_of_stream,
  require_duplexify,
  require_src6 as require_src2,
  createBigQueryClient,
  createBigQueryFace
};
