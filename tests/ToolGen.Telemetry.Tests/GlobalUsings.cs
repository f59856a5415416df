global using System.Linq;
global using System.Collections.Generic;
